package io.streamprep.operators.dedup.near;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's own serializer checks on probes with empty and full signatures, any id. */
class NearProbeSerializerTest extends SerializerTestBase<NearProbe> {

    @Override
    protected TypeSerializer<NearProbe> createSerializer() {
        return new NearProbeSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<NearProbe> getTypeClass() {
        return NearProbe.class;
    }

    @Override
    protected NearProbe[] getTestData() {
        byte[] signature = new byte[256];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (i * 7);
        }
        return new NearProbe[] {
            new NearProbe("", "", 0L, new byte[0]),
            new NearProbe("k-3", "r-1", 1_700_000_000_000L, signature),
            new NearProbe("東京", "Ünïcödé 🎉", Long.MIN_VALUE, new byte[] {-1})
        };
    }
}

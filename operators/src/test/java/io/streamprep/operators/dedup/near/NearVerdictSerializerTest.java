package io.streamprep.operators.dedup.near;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's own serializer checks on verdicts with and without a duplicate, any id. */
class NearVerdictSerializerTest extends SerializerTestBase<NearVerdict> {

    @Override
    protected TypeSerializer<NearVerdict> createSerializer() {
        return new NearVerdictSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<NearVerdict> getTypeClass() {
        return NearVerdict.class;
    }

    @Override
    protected NearVerdict[] getTestData() {
        return new NearVerdict[] {
            new NearVerdict("", "", null, 0.0, ""),
            new NearVerdict("k-1", "r-2", "r-1", 0.875, "r-1"),
            new NearVerdict("東京", "Ünïcödé 🎉", "", Double.MIN_VALUE, "rep")
        };
    }
}

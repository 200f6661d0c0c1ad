package io.streamprep.operators.dedup.near;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's own serializer checks on members with empty and full signatures, any id. */
class NearMemberSerializerTest extends SerializerTestBase<NearMember> {

    @Override
    protected TypeSerializer<NearMember> createSerializer() {
        return new NearMemberSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<NearMember> getTypeClass() {
        return NearMember.class;
    }

    @Override
    protected NearMember[] getTestData() {
        byte[] signature = new byte[256];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (i * 31);
        }
        return new NearMember[] {
            new NearMember(0L, new byte[0], ""),
            new NearMember(1_700_000_000_000L, signature, "r-1"),
            new NearMember(Long.MIN_VALUE, new byte[] {-1, 0, 1}, "Ünïcödé 東京 🎉")
        };
    }
}

package io.streamprep.operators.dedup;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's own serializer checks on kept records with ASCII, non-ASCII and empty ids. */
class KeptRecordSerializerTest extends SerializerTestBase<KeptRecord> {

    @Override
    protected TypeSerializer<KeptRecord> createSerializer() {
        return new KeptRecordSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<KeptRecord> getTypeClass() {
        return KeptRecord.class;
    }

    @Override
    protected KeptRecord[] getTestData() {
        return new KeptRecord[] {
            new KeptRecord(0L, ""),
            new KeptRecord(-1L, "r-1"),
            new KeptRecord(Long.MAX_VALUE, "Zürich café 東京 🎉"),
            new KeptRecord(Long.MIN_VALUE, "x".repeat(5_000))
        };
    }
}

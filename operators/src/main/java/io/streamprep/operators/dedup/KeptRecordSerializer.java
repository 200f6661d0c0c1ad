package io.streamprep.operators.dedup;

import io.streamprep.schemas.serde.ImmutableRecordSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Exact-dedup state's serializer for {@link KeptRecord}: event time, then id as UTF-8. Restores
 * state that earlier builds wrote with Flink's POJO serializer ({@link ImmutableRecordSerializer}).
 */
public final class KeptRecordSerializer extends ImmutableRecordSerializer<KeptRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<KeptRecord> duplicate() {
        return new KeptRecordSerializer();
    }

    @Override
    public KeptRecord createInstance() {
        return new KeptRecord(0L, "");
    }

    @Override
    public void serialize(KeptRecord record, DataOutputView out) throws IOException {
        out.writeLong(record.eventTime());
        writeString(record.id(), out);
    }

    @Override
    public KeptRecord deserialize(DataInputView in) throws IOException {
        long eventTime = in.readLong();
        return new KeptRecord(eventTime, readString(in));
    }

    @Override
    public TypeSerializerSnapshot<KeptRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format version 1: the fields above. */
    public static final class Snapshot extends ImmutableRecordSerializer.Snapshot<KeptRecord> {
        public Snapshot() {
            super(1, "KeptRecord");
        }

        @Override
        public TypeSerializer<KeptRecord> restoreSerializer() {
            return new KeptRecordSerializer();
        }
    }
}

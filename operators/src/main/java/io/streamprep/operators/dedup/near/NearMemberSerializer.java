package io.streamprep.operators.dedup.near;

import io.streamprep.schemas.serde.ImmutableRecordSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Near-dedup index state's serializer for {@link NearMember}: event time, signature (length and
 * bytes), representative id as UTF-8. Copies by reference: nothing writes into a member's
 * signature. Restores state that earlier builds wrote with Flink's POJO serializer ({@link
 * ImmutableRecordSerializer}).
 */
public final class NearMemberSerializer extends ImmutableRecordSerializer<NearMember> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<NearMember> duplicate() {
        return new NearMemberSerializer();
    }

    @Override
    public NearMember createInstance() {
        return new NearMember(0L, new byte[0], "");
    }

    @Override
    public void serialize(NearMember member, DataOutputView out) throws IOException {
        out.writeLong(member.eventTime());
        writeBytes(member.signature(), out);
        writeString(member.representative(), out);
    }

    @Override
    public NearMember deserialize(DataInputView in) throws IOException {
        long eventTime = in.readLong();
        byte[] signature = readBytes(in);
        return new NearMember(eventTime, signature, readString(in));
    }

    @Override
    public TypeSerializerSnapshot<NearMember> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format version 1: the fields above. */
    public static final class Snapshot extends ImmutableRecordSerializer.Snapshot<NearMember> {
        public Snapshot() {
            super(1, "NearMember");
        }

        @Override
        public TypeSerializer<NearMember> restoreSerializer() {
            return new NearMemberSerializer();
        }
    }
}

package io.streamprep.schemas.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A serializer for strings that writes exactly the bytes of Flink's {@link StringSerializer}, but
 * encodes them into an array first and hands it to the output in one call.
 *
 * <p>Why: Flink's serializer writes each character with its own {@code write(int)} call through the
 * output's wrappers. In a heap-backend snapshot, where the output is a checkpoint file stream, that
 * was 64 % of the snapshot thread's CPU (the keys of the exact-dedup state and of its timers, the
 * ids of the near-dedup index; BENCHMARKS.md). Reading is Flink's own code.
 *
 * <p><b>Compatibility.</b> Because the bytes are the same, state written with {@link
 * StringSerializer} (keys included, which Flink cannot migrate) restores as is with this one. State
 * written with this one needs this build's snapshot class to restore.
 *
 * <p>Stateless and thread-safe.
 */
public final class BulkStringSerializer extends TypeSerializer<String> {

    private static final long serialVersionUID = 1L;

    public static final BulkStringSerializer INSTANCE = new BulkStringSerializer();

    /** Above this length the encoding buffer (3 bytes a character) is not worth allocating. */
    private static final int BULK_MAX_CHARS = 1 << 20;

    private static final int HIGH_BIT = 0x80;

    private BulkStringSerializer() {}

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<String> duplicate() {
        return this;
    }

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public String copy(String from, String reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        if (record == null || record.length() > BULK_MAX_CHARS) {
            StringValue.writeString(record, target);
            return;
        }
        int length = record.length();
        byte[] bytes = new byte[5 + 3 * length];
        int at = varint(bytes, 0, length + 1); // 0 stands for null, so lengths are offset by one
        for (int i = 0; i < length; i++) {
            char c = record.charAt(i);
            if (c < HIGH_BIT) {
                bytes[at++] = (byte) c;
            } else {
                at = varint(bytes, at, c);
            }
        }
        target.write(bytes, 0, at);
    }

    /** StringValue's variable-length encoding: 7 bits a byte, low bits first, high bit = more. */
    private static int varint(byte[] bytes, int at, int value) {
        while (value >= HIGH_BIT) {
            bytes[at++] = (byte) (value | HIGH_BIT);
            value >>>= 7;
        }
        bytes[at++] = (byte) value;
        return at;
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return StringValue.readString(source);
    }

    @Override
    public String deserialize(String reuse, DataInputView source) throws IOException {
        return StringValue.readString(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        StringValue.copyString(source, target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BulkStringSerializer;
    }

    @Override
    public int hashCode() {
        return BulkStringSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<String> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * Compatible as is with its own snapshots and with those of Flink's {@link StringSerializer}.
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<String> {

        public Snapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<String> resolveSchemaCompatibility(
                TypeSerializerSnapshot<String> oldSnapshot) {
            if (oldSnapshot instanceof StringSerializer.StringSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return super.resolveSchemaCompatibility(oldSnapshot);
        }
    }
}

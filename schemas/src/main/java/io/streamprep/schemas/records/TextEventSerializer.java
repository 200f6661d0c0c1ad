package io.streamprep.schemas.records;

import io.streamprep.schemas.serde.ImmutableRecordSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for {@link TextEvent}, between tasks and in keyed state: the fields in a fixed
 * order, strings as UTF-8 bytes.
 *
 * <p>Why not Flink's POJO serializer, which it replaces: for a Java record that one sets the fields
 * through reflection into an intermediate array before calling the constructor, writes strings char
 * by char and decodes them through a {@code char[]}, and copies every field of every event at each
 * chained operator and each copy-on-write state access. A {@code TextEvent} is immutable (nothing
 * modifies its {@code original} bytes), so this serializer copies by reference.
 *
 * <p><b>Compatibility.</b> State written with the POJO serializer (builds before 23 Nov 2026) is
 * restored and rewritten with this one ({@link
 * TypeSerializerSchemaCompatibility#compatibleAfterMigration()}); a change of this format must bump
 * {@link Snapshot#VERSION} and keep reading the old one.
 *
 * <p>Not thread-safe (a scratch buffer for decoding); {@link #duplicate()} gives each user its own.
 * The common parts are {@link ImmutableRecordSerializer}'s.
 */
public final class TextEventSerializer extends ImmutableRecordSerializer<TextEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<TextEvent> duplicate() {
        return new TextEventSerializer();
    }

    @Override
    public TextEvent createInstance() {
        return new TextEvent(new TextRecord("", null, "", null, null), 0L, "", new byte[0], null);
    }

    @Override
    public void serialize(TextEvent event, DataOutputView out) throws IOException {
        TextRecord record = event.record();
        writeNullableString(record.id(), out);
        writeNullableLong(record.ts(), out);
        writeNullableString(record.text(), out);
        writeNullableString(record.label(), out);
        writeNullableString(record.meta(), out);
        out.writeLong(event.eventTime());
        writeNullableString(event.position(), out);
        writeBytes(event.original(), out);
        writeNullableString(event.fingerprint(), out);
        writeNullableString(event.splitKey(), out);
        out.writeInt(event.variant());
        writeNullableString(event.augmentations(), out);
        out.writeInt(event.extraVariants());
        writeNullableString(event.features(), out);
        Double confidence = event.labelConfidence();
        out.writeBoolean(confidence != null);
        if (confidence != null) {
            out.writeDouble(confidence);
        }
    }

    @Override
    public TextEvent deserialize(DataInputView in) throws IOException {
        TextRecord record =
                new TextRecord(
                        readNullableString(in),
                        readNullableLong(in),
                        readNullableString(in),
                        readNullableString(in),
                        readNullableString(in));
        long eventTime = in.readLong();
        String position = readNullableString(in);
        byte[] original = readBytes(in);
        String fingerprint = readNullableString(in);
        String splitKey = readNullableString(in);
        int variant = in.readInt();
        String augmentations = readNullableString(in);
        int extraVariants = in.readInt();
        String features = readNullableString(in);
        Double confidence = in.readBoolean() ? in.readDouble() : null;
        return new TextEvent(
                record,
                eventTime,
                position,
                original,
                fingerprint,
                splitKey,
                variant,
                augmentations,
                extraVariants,
                features,
                confidence);
    }

    private static void writeNullableLong(Long value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readNullableLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    @Override
    public TypeSerializerSnapshot<TextEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * The serializer's snapshot: it has no configuration, only a format version. Accepts state
     * written by the POJO serializer of {@link TextEvent} after migration.
     */
    public static final class Snapshot extends ImmutableRecordSerializer.Snapshot<TextEvent> {

        static final int VERSION = 1;

        public Snapshot() {
            super(VERSION, "TextEvent");
        }

        @Override
        public TypeSerializer<TextEvent> restoreSerializer() {
            return new TextEventSerializer();
        }
    }
}

package io.streamprep.schemas.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
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
 */
public final class TextEventSerializer extends TypeSerializer<TextEvent> {

    private static final long serialVersionUID = 1L;

    private static final int NULL = -1;

    private transient byte[] scratch;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<TextEvent> duplicate() {
        return new TextEventSerializer();
    }

    @Override
    public TextEvent createInstance() {
        return new TextEvent(new TextRecord("", null, "", null, null), 0L, "", new byte[0], null);
    }

    @Override
    public TextEvent copy(TextEvent from) {
        return from;
    }

    @Override
    public TextEvent copy(TextEvent from, TextEvent reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(TextEvent event, DataOutputView out) throws IOException {
        TextRecord record = event.record();
        writeString(record.id(), out);
        writeNullableLong(record.ts(), out);
        writeString(record.text(), out);
        writeString(record.label(), out);
        writeString(record.meta(), out);
        out.writeLong(event.eventTime());
        writeString(event.position(), out);
        byte[] original = event.original();
        out.writeInt(original.length);
        out.write(original);
        writeString(event.fingerprint(), out);
        writeString(event.splitKey(), out);
        out.writeInt(event.variant());
        writeString(event.augmentations(), out);
        out.writeInt(event.extraVariants());
        writeString(event.features(), out);
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
                        readString(in),
                        readNullableLong(in),
                        readString(in),
                        readString(in),
                        readString(in));
        long eventTime = in.readLong();
        String position = readString(in);
        byte[] original = new byte[in.readInt()];
        in.readFully(original);
        String fingerprint = readString(in);
        String splitKey = readString(in);
        int variant = in.readInt();
        String augmentations = readString(in);
        int extraVariants = in.readInt();
        String features = readString(in);
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

    @Override
    public TextEvent deserialize(TextEvent reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    private static void writeString(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private String readString(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        if (scratch == null || scratch.length < length) {
            scratch = new byte[Math.max(length, 256)];
        }
        in.readFully(scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
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
    public boolean equals(Object obj) {
        return obj instanceof TextEventSerializer;
    }

    @Override
    public int hashCode() {
        return TextEventSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<TextEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * The serializer's snapshot: it has no configuration, only a format version. Accepts state
     * written by the POJO serializer of {@link TextEvent} after migration.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<TextEvent> {

        static final int VERSION = 1;

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {}

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
                throws IOException {
            if (readVersion != VERSION) {
                throw new IOException(
                        "unknown TextEvent serializer format version "
                                + readVersion
                                + " (this build reads "
                                + VERSION
                                + ")");
            }
        }

        @Override
        public TypeSerializer<TextEvent> restoreSerializer() {
            return new TextEventSerializer();
        }

        @Override
        public TypeSerializerSchemaCompatibility<TextEvent> resolveSchemaCompatibility(
                TypeSerializerSnapshot<TextEvent> oldSnapshot) {
            if (oldSnapshot instanceof Snapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            if (oldSnapshot instanceof PojoSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}

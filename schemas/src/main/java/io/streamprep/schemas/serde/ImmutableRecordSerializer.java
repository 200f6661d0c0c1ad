package io.streamprep.schemas.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Base of Flink serializers for small immutable Java records kept in keyed state: the fields in a
 * fixed order, strings as UTF-8 bytes, copies by reference.
 *
 * <p>Why not Flink's POJO serializer: for a record it reads every field by reflection (boxing
 * primitives), writes strings char by char, and deep-copies the record on every copy-on-write state
 * access after a checkpoint. State written by the POJO serializer is restored and rewritten ({@link
 * TypeSerializerSchemaCompatibility#compatibleAfterMigration()}); a change of a subclass's format
 * must bump its snapshot's version and keep reading the old one.
 *
 * <p>Not thread-safe (a scratch buffer for decoding); {@link #duplicate()} gives each user its own.
 *
 * @param <T> the record type; it must be immutable, including its arrays
 */
public abstract class ImmutableRecordSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private transient byte[] scratch;

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public final boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    /** Writes a non-null string as its UTF-8 length and bytes. */
    protected static void writeString(String s, DataOutputView out) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Writes a non-null byte array as its length and bytes. */
    protected static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads what {@link #writeBytes} wrote, into a new array. */
    protected static byte[] readBytes(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative array length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Writes a string that may be null: a length of -1 for null. */
    protected static void writeNullableString(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            writeString(s, out);
        }
    }

    /** Reads what {@link #writeNullableString} wrote. */
    protected final String readNullableString(DataInputView in) throws IOException {
        int length = in.readInt();
        return length == -1 ? null : readString(length, in);
    }

    /** Reads what {@link #writeString} wrote. */
    protected final String readString(DataInputView in) throws IOException {
        return readString(in.readInt(), in);
    }

    private String readString(int length, DataInputView in) throws IOException {
        if (length < 0) {
            throw new IOException("negative string length " + length);
        }
        if (scratch == null || scratch.length < length) {
            scratch = new byte[Math.max(length, 64)];
        }
        in.readFully(scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * A snapshot without configuration, only a format version, that accepts the POJO serializer's
     * snapshot of the same type after migration. Subclasses need a public no-argument constructor.
     *
     * @param <T> the record type
     */
    public abstract static class Snapshot<T> implements TypeSerializerSnapshot<T> {

        private final int version;
        private final String type;

        protected Snapshot(int version, String type) {
            this.version = version;
            this.type = type;
        }

        @Override
        public final int getCurrentVersion() {
            return version;
        }

        @Override
        public final void writeSnapshot(DataOutputView out) {}

        @Override
        public final void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
                throws IOException {
            if (readVersion != version) {
                throw new IOException(
                        "unknown "
                                + type
                                + " serializer format version "
                                + readVersion
                                + " (this build reads "
                                + version
                                + ")");
            }
        }

        @Override
        public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
                TypeSerializerSnapshot<T> oldSnapshot) {
            if (oldSnapshot.getClass() == getClass()) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            if (oldSnapshot instanceof PojoSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}

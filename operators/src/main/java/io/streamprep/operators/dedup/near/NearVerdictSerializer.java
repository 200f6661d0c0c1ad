package io.streamprep.operators.dedup.near;

import io.streamprep.schemas.serde.ImmutableRecordSerializer;
import io.streamprep.schemas.serde.SerializerTypeInfo;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializer for {@link NearVerdict}, on the edge from the index to the join and in the join's
 * state: key, id, duplicate-of (may be null), similarity, representative. Restores state that
 * earlier builds wrote with Flink's POJO serializer ({@link ImmutableRecordSerializer}).
 */
public final class NearVerdictSerializer extends ImmutableRecordSerializer<NearVerdict> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<NearVerdict> duplicate() {
        return new NearVerdictSerializer();
    }

    @Override
    public NearVerdict createInstance() {
        return new NearVerdict("", "", null, 0.0, "");
    }

    @Override
    public void serialize(NearVerdict verdict, DataOutputView out) throws IOException {
        writeString(verdict.key(), out);
        writeString(verdict.id(), out);
        writeNullableString(verdict.duplicateOf(), out);
        out.writeDouble(verdict.similarity());
        writeString(verdict.representative(), out);
    }

    @Override
    public NearVerdict deserialize(DataInputView in) throws IOException {
        String key = readString(in);
        String id = readString(in);
        String duplicateOf = readNullableString(in);
        double similarity = in.readDouble();
        return new NearVerdict(key, id, duplicateOf, similarity, readString(in));
    }

    @Override
    public TypeSerializerSnapshot<NearVerdict> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format version 1: the fields above. */
    public static final class Snapshot extends ImmutableRecordSerializer.Snapshot<NearVerdict> {
        public Snapshot() {
            super(1, "NearVerdict");
        }

        @Override
        public TypeSerializer<NearVerdict> restoreSerializer() {
            return new NearVerdictSerializer();
        }
    }

    /** Named by {@code @TypeInfo} on {@link NearVerdict}. */
    public static final class Factory extends TypeInfoFactory<NearVerdict> {
        @Override
        public TypeInformation<NearVerdict> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new SerializerTypeInfo<>(NearVerdict.class, new NearVerdictSerializer());
        }
    }
}

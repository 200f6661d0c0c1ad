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
 * Serializer for {@link NearProbe}, on the edge into the index and in its pending state: key and id
 * as UTF-8, event time, signature. Copies by reference (nothing writes into a signature). Restores
 * state that earlier builds wrote with Flink's POJO serializer ({@link ImmutableRecordSerializer}).
 */
public final class NearProbeSerializer extends ImmutableRecordSerializer<NearProbe> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<NearProbe> duplicate() {
        return new NearProbeSerializer();
    }

    @Override
    public NearProbe createInstance() {
        return new NearProbe("", "", 0L, new byte[0]);
    }

    @Override
    public void serialize(NearProbe probe, DataOutputView out) throws IOException {
        writeString(probe.key(), out);
        writeString(probe.id(), out);
        out.writeLong(probe.eventTime());
        writeBytes(probe.signature(), out);
    }

    @Override
    public NearProbe deserialize(DataInputView in) throws IOException {
        String key = readString(in);
        String id = readString(in);
        long eventTime = in.readLong();
        byte[] signature = readBytes(in);
        return new NearProbe(key, id, eventTime, signature);
    }

    @Override
    public TypeSerializerSnapshot<NearProbe> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format version 1: the fields above. */
    public static final class Snapshot extends ImmutableRecordSerializer.Snapshot<NearProbe> {
        public Snapshot() {
            super(1, "NearProbe");
        }

        @Override
        public TypeSerializer<NearProbe> restoreSerializer() {
            return new NearProbeSerializer();
        }
    }

    /** Named by {@code @TypeInfo} on {@link NearProbe}. */
    public static final class Factory extends TypeInfoFactory<NearProbe> {
        @Override
        public TypeInformation<NearProbe> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new SerializerTypeInfo<>(NearProbe.class, new NearProbeSerializer());
        }
    }
}

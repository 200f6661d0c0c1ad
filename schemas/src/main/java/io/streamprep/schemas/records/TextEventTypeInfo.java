package io.streamprep.schemas.records;

import io.streamprep.schemas.serde.SerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink's type information for {@link TextEvent}: it is serialized by {@link TextEventSerializer}
 * wherever Flink meets the type (stream edges, state descriptors, fields of other types), through
 * the {@code @TypeInfo} annotation on the record.
 */
public final class TextEventTypeInfo {

    public static final TypeInformation<TextEvent> INSTANCE =
            new SerializerTypeInfo<>(TextEvent.class, new TextEventSerializer());

    private TextEventTypeInfo() {}

    /** The factory named by {@code @TypeInfo} on {@link TextEvent}. */
    public static final class Factory extends TypeInfoFactory<TextEvent> {
        @Override
        public TypeInformation<TextEvent> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}

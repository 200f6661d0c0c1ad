package io.streamprep.schemas.records;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type information for {@link TextEvent}: it is serialized by {@link TextEventSerializer}
 * wherever Flink meets the type (stream edges, state descriptors, fields of other types), through
 * the {@code @TypeInfo} annotation on the record.
 */
public final class TextEventTypeInfo extends TypeInformation<TextEvent> {

    private static final long serialVersionUID = 1L;

    public static final TextEventTypeInfo INSTANCE = new TextEventTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<TextEvent> getTypeClass() {
        return TextEvent.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<TextEvent> createSerializer(SerializerConfig config) {
        return new TextEventSerializer();
    }

    @Override
    public String toString() {
        return "TextEvent";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TextEventTypeInfo;
    }

    @Override
    public int hashCode() {
        return TextEventTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof TextEventTypeInfo;
    }

    /** The factory named by {@code @TypeInfo} on {@link TextEvent}. */
    public static final class Factory extends TypeInfoFactory<TextEvent> {
        @Override
        public TypeInformation<TextEvent> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}

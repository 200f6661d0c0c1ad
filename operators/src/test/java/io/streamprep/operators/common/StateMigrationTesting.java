package io.streamprep.operators.common;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** Helpers of the tests that restore state written by an older serializer. */
public final class StateMigrationTesting {

    private StateMigrationTesting() {}

    /**
     * What {@code TypeInformation.of(type)} gave for a record class before it had a serializer of
     * its own: Flink's POJO serializer over its components.
     */
    public static <T> TypeInformation<T> pojoTypeInfo(Class<T> type) throws NoSuchFieldException {
        List<PojoField> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = type.getDeclaredField(component.getName());
            fields.add(new PojoField(field, TypeExtractor.createTypeInfo(field.getGenericType())));
        }
        return new PojoTypeInfo<>(type, fields);
    }

    /** The heap or the RocksDB state backend. */
    public static StateBackend backend(boolean rocksDb) {
        return rocksDb ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
    }

    /** A canonical savepoint of the harness's operator. */
    public static OperatorSubtaskState savepoint(
            AbstractStreamOperatorTestHarness<?> harness, long id) throws Exception {
        return harness.snapshotWithLocalState(
                        id, id, SavepointType.savepoint(SavepointFormatType.CANONICAL))
                .getJobManagerOwnedState();
    }
}

package io.streamprep.operators.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyed state holding {@link TextEvent}s written by an earlier build, which serialized them with
 * Flink's POJO serializer, is restored by the current one (its own {@code TextEventSerializer}) and
 * written again in the new format, on the heap backend and on RocksDB (which rewrites every value).
 */
class TextEventStateMigrationTest {

    private static final TextEvent EVENT =
            new TextEvent(
                    new TextRecord("r-1", 7L, "Zürich café 東京", "travel", "{\"a\":1}"),
                    1_000L,
                    "in-0@3",
                    "{\"id\":\"r-1\"}".getBytes(StandardCharsets.UTF_8),
                    "beef",
                    "r-0",
                    1,
                    "[]",
                    2,
                    null,
                    0.5);

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void stateWrittenWithThePojoSerializerIsRestoredAndRewritten(boolean rocksDb) throws Exception {
        OperatorSubtaskState old;
        try (var before = harness(StateMigrationTesting.pojoTypeInfo(TextEvent.class), rocksDb)) {
            before.open();
            before.processElement(EVENT, 0L);
            old = StateMigrationTesting.savepoint(before, 1);
        }

        OperatorSubtaskState migrated;
        try (var after = harness(TypeInformation.of(TextEvent.class), rocksDb)) {
            after.setup();
            after.initializeState(old);
            after.open();
            after.processElement(probe(), 0L);
            assertThat(after.extractOutputValues()).containsExactly(EVENT);
            migrated = StateMigrationTesting.savepoint(after, 2);
        }

        try (var again = harness(TypeInformation.of(TextEvent.class), rocksDb)) {
            again.setup();
            again.initializeState(migrated);
            again.open();
            again.processElement(probe(), 0L);
            assertThat(again.extractOutputValues()).containsExactly(EVENT);
        }
    }

    /** An event with the same key that asks for the stored one instead of storing itself. */
    private static TextEvent probe() {
        return new TextEvent(
                new TextRecord("r-1", null, "", null, null), 0L, "probe", new byte[0], null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TextEvent, TextEvent> harness(
            TypeInformation<TextEvent> type, boolean rocksDb) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new StoreOrEmit(type)),
                        TextEvent::id,
                        Types.STRING);
        harness.setStateBackend(StateMigrationTesting.backend(rocksDb));
        return harness;
    }

    private static final class StoreOrEmit
            extends KeyedProcessFunction<String, TextEvent, TextEvent> {
        private final TypeInformation<TextEvent> type;
        private transient ValueState<TextEvent> stored;

        StoreOrEmit(TypeInformation<TextEvent> type) {
            this.type = type;
        }

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            stored = getRuntimeContext().getState(new ValueStateDescriptor<>("event", type));
        }

        @Override
        public void processElement(TextEvent event, Context context, Collector<TextEvent> out)
                throws Exception {
            if (event.position().equals("probe")) {
                out.collect(stored.value());
            } else {
                stored.update(event);
            }
        }
    }
}

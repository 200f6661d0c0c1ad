package io.streamprep.operators.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.BulkStringTypeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExactDedupFunctionTest {

    private static final long WINDOW = 1_000;

    private KeyedOneInputStreamOperatorTestHarness<String, TextEvent, TextEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void firstCopyByEventTimeWinsWhateverTheArrivalOrder() throws Exception {
        harness.processElement(event("c", "same", 300), 300);
        harness.processElement(event("a", "same", 100), 100);
        harness.processElement(event("b", "same", 200), 200);
        harness.processWatermark(1_000);

        assertThat(keptIds()).containsExactly("a");
        assertThat(duplicates())
                .containsExactlyInAnyOrder(
                        new DuplicateRecord("b", "a", "exact", 1.0),
                        new DuplicateRecord("c", "a", "exact", 1.0));
    }

    @Test
    void tiesInEventTimeAreBrokenById() throws Exception {
        harness.processElement(event("z", "same", 100), 100);
        harness.processElement(event("m", "same", 100), 100);
        harness.processWatermark(500);

        assertThat(keptIds()).containsExactly("m");
        assertThat(duplicates()).containsExactly(new DuplicateRecord("z", "m", "exact", 1.0));
    }

    @Test
    void copiesFurtherApartThanTheWindowAreBothKept() throws Exception {
        harness.processElement(event("a", "same", 0), 0);
        harness.processElement(event("b", "same", WINDOW), WINDOW);
        harness.processElement(event("c", "same", WINDOW + 1), WINDOW + 1);
        harness.processElement(event("d", "same", 2 * WINDOW + 1), 2 * WINDOW + 1);
        harness.processWatermark(10 * WINDOW);

        // b is within the window of a; c is not (a was kept at 0), so c is kept and d duplicates c.
        assertThat(keptIds()).containsExactly("a", "c");
        assertThat(duplicates())
                .containsExactly(
                        new DuplicateRecord("b", "a", "exact", 1.0),
                        new DuplicateRecord("d", "c", "exact", 1.0));
    }

    @Test
    void differentTextsAreIndependent() throws Exception {
        harness.processElement(event("a", "one", 10), 10);
        harness.processElement(event("b", "two", 10), 10);
        harness.processWatermark(100);

        assertThat(keptIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(duplicates()).isEmpty();
    }

    @Test
    void nothingIsEmittedBeforeTheWatermarkPassesTheRecord() throws Exception {
        harness.processElement(event("a", "same", 100), 100);
        harness.processWatermark(99);
        assertThat(keptIds()).isEmpty();
        harness.processWatermark(100);
        assertThat(keptIds()).containsExactly("a");
    }

    @Test
    void stateIsCleanedUpOnceTheWindowHasPassed() throws Exception {
        harness.processElement(event("a", "same", 100), 100);
        harness.processElement(event("b", "same", 150), 150);
        harness.processElement(event("c", "other", 400), 400);
        harness.processWatermark(500);
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(400 + WINDOW + 1);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(keptIds()).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void pendingRecordsAndKeptStateSurviveSnapshotAndRestore() throws Exception {
        harness.processElement(event("a", "same", 100), 100);
        harness.processWatermark(200);
        harness.processElement(event("c", "same", 400), 400);
        harness.processElement(event("b", "same", 300), 300);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(event("d", "same", 350), 350);
        harness.processWatermark(2_000);

        assertThat(keptIds()).isEmpty(); // a was emitted before the snapshot
        assertThat(duplicates())
                .containsExactly(
                        new DuplicateRecord("b", "a", "exact", 1.0),
                        new DuplicateRecord("d", "a", "exact", 1.0),
                        new DuplicateRecord("c", "a", "exact", 1.0));
        harness.processWatermark(400 + 10 * WINDOW);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void lateRecordsAreJudgedAgainstTheKeptRecordOnEitherSide() throws Exception {
        harness.processElement(event("b", "same", 500), 500);
        harness.processWatermark(600);
        harness.processElement(event("a", "same", 100), 100); // late, within the window before b
        harness.processElement(event("x", "new", 50), 50); // late, nothing to duplicate

        assertThat(keptIds()).containsExactly("b", "x");
        assertThat(duplicates()).containsExactly(new DuplicateRecord("a", "b", "exact", 1.0));
        harness.processWatermark(10 * WINDOW);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * The job keys exact dedup with {@code BulkStringTypeInfo}; a savepoint of a build that keyed
     * it with Flink's string type (keys in state and in timers, which Flink cannot migrate) must
     * restore as is, with its buffered record, its kept record and its timers.
     */
    @Test
    void aSavepointKeyedWithFlinksStringTypeRestoresWithTheBulkStringKeys() throws Exception {
        harness.processElement(event("a", "same", 100), 100);
        harness.processWatermark(150);
        harness.processElement(event("b", "same", 200), 200); // waits for the watermark
        OperatorSubtaskState savepoint =
                harness.snapshotWithLocalState(
                                1L, 1L, SavepointType.savepoint(SavepointFormatType.CANONICAL))
                        .getJobManagerOwnedState();
        harness.close();

        harness = newHarness(BulkStringTypeInfo.INSTANCE);
        harness.setup();
        harness.initializeState(savepoint);
        harness.open();
        harness.processWatermark(300);

        assertThat(duplicates()).containsExactly(new DuplicateRecord("b", "a", "exact", 1.0));
        harness.processWatermark(200 + 2 * WINDOW);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, TextEvent, TextEvent> newHarness()
            throws Exception {
        return newHarness(Types.STRING);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, TextEvent, TextEvent> newHarness(
            TypeInformation<String> keyType) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new ExactDedupFunction(Duration.ofMillis(WINDOW), Duration.ofDays(7))),
                TextEvent::fingerprint,
                keyType);
    }

    private List<String> keptIds() {
        return harness.extractOutputValues().stream()
                .map(TextEvent::id)
                .collect(Collectors.toList());
    }

    private List<DuplicateRecord> duplicates() {
        var side = harness.getSideOutput(OutputTags.DUPLICATES);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    private static TextEvent event(String id, String text, long ts) {
        return new TextEvent(
                new TextRecord(id, ts, text, null, null),
                ts,
                "test:" + id,
                text.getBytes(StandardCharsets.UTF_8),
                "fp-" + text);
    }
}

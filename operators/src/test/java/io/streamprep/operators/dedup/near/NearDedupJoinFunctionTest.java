package io.streamprep.operators.dedup.near;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NearDedupJoinFunctionTest {

    private KeyedTwoInputStreamOperatorTestHarness<String, TextEvent, NearVerdict, TextEvent>
            harness;

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void keptRecordsPassAndNearDuplicatesGoToTheDuplicatesOutput() throws Exception {
        open(false);
        TextEvent a = event("a", 10);
        TextEvent b = event("b", 20);
        harness.processElement1(a, 10);
        harness.processElement1(b, 20);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        harness.processElement2(verdict(b, "a", 0.9, "a"), 20);
        harness.processElement2(verdict(a, null, 0.0, "a"), 10);

        assertThat(harness.extractOutputValues()).containsExactly(a);
        assertThat(duplicates()).containsExactly(new DuplicateRecord("b", "a", "near", 0.9));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aVerdictMayArriveBeforeItsRecord() throws Exception {
        open(false);
        TextEvent b = event("b", 20);
        harness.processElement2(verdict(b, "a", 0.85, "a"), 20);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processElement1(b, 20);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(duplicates()).containsExactly(new DuplicateRecord("b", "a", "near", 0.85));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void groupModeKeepsNearDuplicatesWithTheirRepresentativeAsSplitKey() throws Exception {
        open(true);
        TextEvent a = event("a", 10);
        TextEvent c = event("c", 30);
        harness.processElement1(a, 10);
        harness.processElement1(c, 30);
        harness.processElement2(verdict(a, null, 0.0, "a"), 10);
        harness.processElement2(verdict(c, "b", 0.8, "a"), 30);

        assertThat(harness.extractOutputValues()).containsExactly(a, c.withSplitKey("a"));
        assertThat(harness.extractOutputValues().get(1).splitId()).isEqualTo("a");
        assertThat(duplicates()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void waitingRecordsSurviveSnapshotAndRestore() throws Exception {
        open(false);
        TextEvent a = event("a", 10);
        harness.processElement1(a, 10);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness(false);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement2(verdict(a, null, 0.0, "a"), 10);

        assertThat(harness.extractOutputValues()).containsExactly(a);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    private void open(boolean group) throws Exception {
        harness = newHarness(group);
        harness.open();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, TextEvent, NearVerdict, TextEvent>
            newHarness(boolean group) throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new NearDedupJoinFunction(group, Duration.ofDays(7))),
                NearDedupKeys::of,
                NearVerdict::key,
                Types.STRING);
    }

    private List<DuplicateRecord> duplicates() {
        var side = harness.getSideOutput(OutputTags.DUPLICATES);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    private static NearVerdict verdict(
            TextEvent event, String duplicateOf, double similarity, String representative) {
        return new NearVerdict(
                NearDedupKeys.of(event), event.id(), duplicateOf, similarity, representative);
    }

    private static TextEvent event(String id, long ts) {
        String text = "text of " + id;
        return new TextEvent(
                new TextRecord(id, ts, text, null, null),
                ts,
                "test:" + id,
                text.getBytes(StandardCharsets.UTF_8),
                "fp-" + id);
    }
}

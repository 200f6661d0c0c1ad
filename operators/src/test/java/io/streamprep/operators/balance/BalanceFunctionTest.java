package io.streamprep.operators.balance;

import static io.streamprep.operators.balance.PaneSamplerTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TextEvent;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BalanceFunctionTest {

    private static final long PANE = 1_000;
    private static final BalanceSettings SETTINGS =
            new BalanceSettings(
                    PANE, PANE, new TreeMap<>(), 4.0, false, 0.0, 42, Duration.ofDays(7));

    private KeyedTwoInputStreamOperatorTestHarness<String, TextEvent, ClassRate, TextEvent> harness;

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
    void decidesOnlyOnceTheWatermarkOfBothInputsPassesThePane() throws Exception {
        for (int i = 0; i < 10; i++) {
            harness.processElement1(event("a" + i, "big", 100 + i), 100 + i);
        }
        harness.processElement1(event("b0", "small", 200), 200);
        harness.processElement2(new ClassRate(PANE, "big", 0.3), PANE - 1);
        harness.processElement2(new ClassRate(PANE, "small", 3.0), PANE - 1);
        harness.processWatermark1(new Watermark(5_000));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark2(new Watermark(PANE - 1));

        List<TextEvent> out = harness.extractOutputValues();
        assertThat(out.stream().filter(e -> e.record().label().equals("big"))).hasSize(3);
        assertThat(out.stream().filter(e -> e.record().label().equals("small")))
                .singleElement()
                .satisfies(e -> assertThat(e.extraVariants()).isEqualTo(2));
        List<SampledOutRecord> sampledOut = sampledOut();
        assertThat(sampledOut).hasSize(7);
        assertThat(sampledOut)
                .allSatisfy(
                        r -> {
                            assertThat(r.label()).isEqualTo("big");
                            assertThat(r.paneStart()).isZero();
                            assertThat(r.paneEnd()).isEqualTo(PANE);
                            assertThat(r.kept()).isEqualTo(3);
                            assertThat(r.of()).isEqualTo(10);
                        });
    }

    @Test
    void stateAndTimersAreCleanedAfterThePane() throws Exception {
        harness.processElement1(event("a", "big", 100), 100);
        harness.processElement1(event("c", "big", PANE + 100), PANE + 100);
        harness.processElement2(new ClassRate(PANE, "big", 1.0), PANE - 1);
        // A rate for a pane whose records never came (they were late here) is cleaned too.
        harness.processElement2(new ClassRate(3 * PANE, "gone", 1.0), 3 * PANE - 1);
        harness.processBothWatermarks(new Watermark(PANE - 1));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processElement2(new ClassRate(2 * PANE, "big", 1.0), 2 * PANE - 1);
        harness.processBothWatermarks(new Watermark(10 * PANE));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(ids()).containsExactly("a", "c");
    }

    @Test
    void lateRecordsAndPanesWithoutARatePassUntouched() throws Exception {
        harness.processBothWatermarks(new Watermark(500));
        harness.processElement1(event("late", "big", 100), 100);
        harness.processElement1(event("norate", "big", 700), 700);
        harness.processBothWatermarks(new Watermark(PANE - 1));

        assertThat(ids()).containsExactly("late", "norate");
        assertThat(harness.extractOutputValues()).allMatch(e -> e.extraVariants() == 0);
        assertThat(sampledOut()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void pendingRecordsAndRatesSurviveSnapshotAndRestore() throws Exception {
        for (int i = 0; i < 4; i++) {
            harness.processElement1(event("a" + i, "big", 100 + i), 100 + i);
        }
        harness.processElement2(new ClassRate(PANE, "big", 0.5), PANE - 1);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        for (int i = 4; i < 8; i++) {
            harness.processElement1(event("a" + i, "big", 100 + i), 100 + i);
        }
        harness.processBothWatermarks(new Watermark(PANE - 1));

        assertThat(harness.extractOutputValues()).hasSize(4);
        assertThat(sampledOut()).hasSize(4);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void theOutcomeIsTheSameWhateverTheArrivalOrder() throws Exception {
        List<String> forward = runPane(List.of("x1", "x2", "x3", "x4", "x5", "x6"));
        harness.close();
        harness = newHarness();
        harness.open();
        List<String> backward = runPane(List.of("x6", "x5", "x4", "x3", "x2", "x1"));

        assertThat(backward).containsExactlyElementsOf(forward).hasSize(2);
    }

    private List<String> runPane(List<String> idsInArrivalOrder) throws Exception {
        long t = 10;
        for (String id : idsInArrivalOrder) {
            harness.processElement1(event(id, "big", t), t++);
        }
        harness.processElement2(new ClassRate(PANE, "big", 1.0 / 3), PANE - 1);
        harness.processBothWatermarks(new Watermark(PANE));
        return ids().stream().sorted().toList();
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, TextEvent, ClassRate, TextEvent>
            newHarness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(
                        new BalanceFunction<>(SETTINGS, TextBalanceAccess.INSTANCE)),
                PaneKeys.records(SETTINGS, TextBalanceAccess.INSTANCE),
                PaneKeys.rates(),
                Types.STRING);
    }

    private List<String> ids() {
        return harness.extractOutputValues().stream()
                .map(TextEvent::id)
                .collect(Collectors.toList());
    }

    private List<SampledOutRecord> sampledOut() {
        var side = harness.getSideOutput(OutputTags.SAMPLED_OUT);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }
}

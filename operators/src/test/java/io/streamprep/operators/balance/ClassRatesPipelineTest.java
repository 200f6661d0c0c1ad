package io.streamprep.operators.balance;

import static io.streamprep.operators.balance.PaneSamplerTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamprep.schemas.records.TextEvent;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The count and rate phases in harnesses, the first feeding the second. */
class ClassRatesPipelineTest {

    private static final long SLIDE = 100;

    @Test
    void slidingHorizonsSumThePanesTheyHoldAndRateOnlyTheirLastPane() throws Exception {
        BalanceSettings settings = settings(3 * SLIDE);
        var counter = counter(settings);
        counter.open();
        // pane [0,100): big 6, small 1; pane [100,200): big 3; pane [200,300): small 1.
        for (int i = 0; i < 6; i++) {
            counter.processElement(event("b" + i, "big", 10 + i), 10 + i);
        }
        counter.processElement(event("s0", "small", 50), 50);
        for (int i = 6; i < 9; i++) {
            counter.processElement(event("b" + i, "big", 110 + i), 110 + i);
        }
        counter.processElement(event("s1", "small", 250), 250);
        counter.processWatermark(10_000);
        List<ClassCount> counts = counter.extractOutputValues();
        assertThat(counter.numKeyedStateEntries()).isZero();
        assertThat(counter.numEventTimeTimers()).isZero();
        counter.close();

        // 4 (class, pane) counts, each sent to the 3 horizons that hold the pane.
        assertThat(counts).hasSize(12);
        assertThat(counts)
                .contains(
                        new ClassCount(100, "big", 6, true),
                        new ClassCount(200, "big", 6, false),
                        new ClassCount(300, "big", 6, false),
                        new ClassCount(300, "small", 1, true));

        var rater = rater(settings);
        rater.open();
        for (ClassCount c : counts) {
            rater.processElement(c, c.horizonEnd() - 1);
        }
        rater.processWatermark(10_000);
        List<ClassRate> rates = rater.extractOutputValues();
        assertThat(rater.numKeyedStateEntries()).isZero();
        assertThat(rater.numEventTimeTimers()).isZero();
        rater.close();

        // Horizon ending 300 holds big 9, small 2: target min(4*2)=8 each; only small is in its
        // last pane. Horizon ending 200: big 9, small 1 -> 4 each; only big is in its last pane.
        assertThat(rates)
                .extracting(ClassRate::paneEnd, ClassRate::label)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(100L, "big"),
                        org.assertj.core.groups.Tuple.tuple(100L, "small"),
                        org.assertj.core.groups.Tuple.tuple(200L, "big"),
                        org.assertj.core.groups.Tuple.tuple(300L, "small"));
        ClassRate bigAt200 = rates.stream().filter(r -> r.paneEnd() == 200).findFirst().get();
        assertThat(bigAt200.rate()).isCloseTo(4.0 / 9, within(1e-12));
        ClassRate smallAt300 = rates.stream().filter(r -> r.paneEnd() == 300).findFirst().get();
        assertThat(smallAt300.rate()).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void countsSurviveSnapshotAndRestore() throws Exception {
        BalanceSettings settings = settings(SLIDE);
        var counter = counter(settings);
        counter.open();
        counter.processElement(event("a", "big", 10), 10);
        OperatorSubtaskState snapshot = counter.snapshot(1L, 1L);
        counter.close();

        counter = counter(settings);
        counter.setup();
        counter.initializeState(snapshot);
        counter.open();
        counter.processElement(event("b", "big", 20), 20);
        counter.processElement(event("early", "big", 5), 5);
        counter.processWatermark(99);

        assertThat(counter.extractOutputValues())
                .containsExactly(new ClassCount(100, "big", 3, true));
        counter.processElement(event("late2", "big", 50), 50);
        assertThat(counter.numKeyedStateEntries()).isZero();
        counter.close();
    }

    private static BalanceSettings settings(long horizon) {
        return new BalanceSettings(
                horizon, SLIDE, new TreeMap<>(), 4.0, false, 0.0, 42, Duration.ofDays(7));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TextEvent, ClassCount> counter(
            BalanceSettings settings) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new ClassCountFunction<>(settings, TextBalanceAccess.INSTANCE)),
                PaneKeys.labels(TextBalanceAccess.INSTANCE),
                Types.STRING);
    }

    private static KeyedOneInputStreamOperatorTestHarness<Long, ClassCount, ClassRate> rater(
            BalanceSettings settings) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ClassRateFunction(settings)),
                ClassCount::horizonEnd,
                Types.LONG);
    }
}

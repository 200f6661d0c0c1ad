package io.streamprep.operators.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.config.AnnotationOptions.RankBy;
import io.streamprep.schemas.records.AnnotationRequest;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RankingAndVoteModelTest {

    private static final Duration WINDOW = Duration.ofMillis(100);

    static AnnotationRequest request(String id, long window, double entropy, double margin) {
        return new AnnotationRequest(
                id, "t", window, window, 0, 0, "{}", null, 0, entropy, margin, "votes");
    }

    @Test
    void rankingIsByUncertaintyThenId() {
        List<AnnotationRequest> in =
                List.of(
                        request("b", 0, 0.5, 0.4),
                        request("c", 0, 0.9, 0.1),
                        request("a", 0, 0.5, 0.4),
                        request("d", 0, 0.2, 0.0));
        assertThat(new RequestRanking(RankBy.ENTROPY, 0).rank(in))
                .extracting(AnnotationRequest::id, AnnotationRequest::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c", 1),
                        org.assertj.core.groups.Tuple.tuple("a", 2),
                        org.assertj.core.groups.Tuple.tuple("b", 3),
                        org.assertj.core.groups.Tuple.tuple("d", 4));
        assertThat(new RequestRanking(RankBy.MARGIN, 2).rank(in))
                .extracting(AnnotationRequest::id)
                .containsExactly("d", "c");
    }

    @Test
    void theQueueEmitsTheTopKWhenTheWindowCloses() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Long, AnnotationRequest, AnnotationRequest> harness =
                rankingHarness();
        harness.open();
        harness.processElement(request("x", 0, 0.3, 0.5), 99);
        harness.processElement(request("y", 0, 0.8, 0.1), 99);
        harness.processElement(request("z", 0, 0.8, 0.1), 99);
        harness.processElement(request("w", 100, 1.0, 0.0), 199);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = rankingHarness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        harness.processWatermark(98);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(99);
        assertThat(harness.extractOutputValues())
                .extracting(AnnotationRequest::id, AnnotationRequest::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("y", 1),
                        org.assertj.core.groups.Tuple.tuple("z", 2));
        harness.processWatermark(199);
        assertThat(harness.extractOutputValues()).extracting(AnnotationRequest::id).endsWith("w");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.close();
    }

    @Test
    void dawidSkeneDecidesAWindowWhenItClosesAndLateItemsByMajority() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Long, VotedEvent, LabelDecision> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new VoteModelFunction(true, WINDOW, 50, null, "weak_labels")),
                        VoteModelFunction.windowKey(WINDOW),
                        Types.LONG);
        harness.open();
        String[] lfs = {"lf1", "lf2", "lf3"};
        harness.processElement(voted("a", 10, lfs, "x", "x", "y"), 10);
        harness.processElement(voted("b", 20, lfs, "y", "y", "y"), 20);
        harness.processElement(voted("c", 30, lfs, "x", "x", null), 30);
        harness.processElement(voted("d", 40, lfs, null, null, null), 40);
        harness.processWatermark(98);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(99);
        List<LabelDecision> decided = harness.extractOutputValues();
        assertThat(decided).extracting(LabelDecision::id).containsExactly("a", "b", "c", "d");
        assertThat(decided.get(1).label()).isEqualTo("y");
        assertThat(decided.get(2).label()).isEqualTo("x");
        assertThat(decided.get(3).label()).isNull();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        harness.processElement(voted("late", 50, lfs, "x", "y", "y"), 50);
        assertThat(harness.extractOutputValues())
                .last()
                .extracting(LabelDecision::label)
                .isEqualTo("y");
        harness.close();
    }

    @Test
    void dawidSkeneAlignsVotesByVoterWhateverTheirOrderInARecord() {
        List<String[]> aligned =
                VoteModelFunction.aligned(
                        List.of(
                                voted("a", 1, new String[] {"bob", "ann"}, "x", "y"),
                                voted("b", 2, new String[] {"cid", "ann"}, "z", "x"),
                                voted("c", 3, new String[] {"ann", "bob", "cid"}, "y", "y", "y")));
        assertThat(aligned.get(0)).containsExactly("y", "x", null);
        assertThat(aligned.get(1)).containsExactly("x", null, "z");
        assertThat(aligned.get(2)).containsExactly("y", "y", "y");
    }

    private static VotedEvent voted(String id, long time, String[] voters, String... votes) {
        return new VotedEvent(AnnotationJoinFunctionTest.event(id, time), voters, votes, time);
    }

    private static KeyedOneInputStreamOperatorTestHarness<
                    Long, AnnotationRequest, AnnotationRequest>
            rankingHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new RequestRankingFunction(
                                new RequestRanking(RankBy.ENTROPY, 2), WINDOW, null)),
                AnnotationRequest::window,
                Types.LONG);
    }
}

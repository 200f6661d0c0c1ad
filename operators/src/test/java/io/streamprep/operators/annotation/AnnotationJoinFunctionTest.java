package io.streamprep.operators.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamprep.operators.weaklabel.Decision;
import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.HumanLabel;
import io.streamprep.schemas.records.ModelFeedback;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnotationJoinFunctionTest {

    private static final long WINDOW = 100;
    private static final long TIMEOUT = 1_000;

    private KeyedTwoInputStreamOperatorTestHarness<
                    String, LabelDecision, AnnotationSignal, VotedEvent>
            harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = newHarness(2);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void requestsAtTheWindowEndAndCompletesWithTheRequiredVotes() throws Exception {
        record("r", 10);
        watermark(98);
        assertThat(requests()).isEmpty();
        watermark(99);
        assertThat(requests())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.id()).isEqualTo("r");
                            assertThat(r.window()).isZero();
                            assertThat(r.round()).isZero();
                            assertThat(r.scoredBy()).isEqualTo("votes");
                            assertThat(r.entropy()).isEqualTo(1.0);
                            assertThat(r.votes()).isEqualTo("{}");
                        });

        label("r", "cat", "ann", 150);
        label("r", "dog", "bob", 160);
        label("r", "cat", "cid", 170); // a third vote is not needed
        watermark(159);
        assertThat(completed()).isEmpty();
        watermark(160);
        assertThat(completed())
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.voters()).containsExactly("ann", "bob");
                            assertThat(v.votes()).containsExactly("cat", "dog");
                            assertThat(v.time()).isEqualTo(160);
                        });

        watermark(10 * TIMEOUT);
        assertThat(expired()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theOutcomeDoesNotDependOnWhetherLabelsOrTheRecordArriveFirst() throws Exception {
        label("r", "cat", "bob", 60);
        label("r", "cat", "ann", 50);
        record("r", 10);
        watermark(10 * TIMEOUT);
        List<VotedEvent> labelsFirst = completed();
        List<AnnotationRequest> requestsLabelsFirst = requests();
        harness.close();

        harness = newHarness(2);
        harness.open();
        record("r", 10);
        label("r", "cat", "ann", 50);
        label("r", "cat", "bob", 60);
        watermark(10 * TIMEOUT);

        assertThat(completed()).isEqualTo(labelsFirst);
        assertThat(labelsFirst).singleElement().extracting(VotedEvent::time).isEqualTo(60L);
        // Completed at 60, before its window closed at 99: never requested.
        assertThat(requests()).isEqualTo(requestsLabelsFirst).isEmpty();
    }

    @Test
    void anAnnotatorsFirstVoteCounts() throws Exception {
        record("r", 10);
        label("r", "dog", "ann", 150);
        label("r", "cat", "ann", 120); // earlier: this one counts
        label("r", "cat", "bob", 130);
        watermark(10 * TIMEOUT);
        assertThat(completed())
                .singleElement()
                .satisfies(v -> assertThat(v.votes()).containsExactly("cat", "cat"));
    }

    @Test
    void withoutVotesTheRecordExpiresAfterTheTimeout() throws Exception {
        record("r", 10);
        watermark(TIMEOUT + 9);
        assertThat(expired()).isEmpty();
        watermark(TIMEOUT + 10);
        assertThat(expired())
                .containsExactly(
                        new ExpiredAnnotation(
                                "r", "timeout", 0, 10, TIMEOUT + 10, "text of r", null, null));
        assertThat(completed()).isEmpty();
        watermark(10 * TIMEOUT);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void withFewerVotesThanRequiredTheTimeoutCompletesWithThoseVotes() throws Exception {
        record("r", 10);
        label("r", "cat", "ann", 400);
        watermark(10 * TIMEOUT);
        assertThat(completed())
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.votes()).containsExactly("cat");
                            assertThat(v.time()).isEqualTo(TIMEOUT + 10);
                        });
        assertThat(expired()).isEmpty();
    }

    @Test
    void aLabelForAnIdThatIsNotHeldExpiresAsOrphan() throws Exception {
        label("ghost", "cat", "ann", 5);
        watermark(10 * TIMEOUT);
        assertThat(expired())
                .containsExactly(
                        new ExpiredAnnotation(
                                "ghost", "orphan_label", 1, 5, TIMEOUT + 5, null, "ann", "cat"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void feedbackRescoresTheRecordAndRequestsItAgainInALaterWindow() throws Exception {
        record("r", 10);
        feedback("r", 50, 0.9, 0.1); // before the first request: it scores it
        feedback("r", 250, 0.5, 0.5); // a later window: a second request there
        feedback("r", 260, 0.2, 0.8); // same window, later: this one wins
        watermark(99);
        assertThat(requests())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.scoredBy()).isEqualTo("model");
                            assertThat(r.entropy()).isCloseTo(0.468996, within(1e-6));
                            assertThat(r.margin()).isCloseTo(0.8, within(1e-12));
                        });
        watermark(299);
        assertThat(requests()).hasSize(2);
        AnnotationRequest again = requests().get(1);
        assertThat(again.round()).isEqualTo(1);
        assertThat(again.window()).isEqualTo(200);
        assertThat(again.margin()).isCloseTo(0.6, within(1e-12));

        watermark(10 * TIMEOUT);
        assertThat(expired()).extracting(ExpiredAnnotation::reason).containsExactly("timeout");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void feedbackForRecordsThatAreNotHeldIsCleared() throws Exception {
        feedback("trained", 5, 0.9, 0.1);
        watermark(10 * TIMEOUT);
        assertThat(requests()).isEmpty();
        assertThat(expired()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void heldRecordsAndVotesSurviveSnapshotAndRestore() throws Exception {
        record("r", 10);
        label("r", "cat", "ann", 150);
        watermark(120);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness(2);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        label("r", "cat", "bob", 170);
        watermark(10 * TIMEOUT);
        assertThat(completed())
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.voters()).containsExactly("ann", "bob");
                            assertThat(v.time()).isEqualTo(170);
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, LabelDecision, AnnotationSignal, VotedEvent>
            newHarness(int votes) throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(
                        new AnnotationJoinFunction(
                                JoinRules.of(
                                        votes,
                                        Duration.ofMillis(TIMEOUT),
                                        Duration.ofMillis(WINDOW)),
                                Duration.ofDays(1))),
                LabelDecision::id,
                AnnotationSignal::id,
                Types.STRING);
    }

    static TextEvent event(String id, long time) {
        return new TextEvent(
                new TextRecord(id, time, "text of " + id, null, null),
                time,
                "test:" + id,
                id.getBytes(StandardCharsets.UTF_8),
                "fp-" + id);
    }

    private void watermark(long time) throws Exception {
        harness.processBothWatermarks(new Watermark(time));
    }

    private void record(String id, long time) throws Exception {
        harness.processElement1(
                new StreamRecord<>(
                        LabelDecision.of(
                                new VotedEvent(event(id, time), new String[0], new String[0], time),
                                Decision.none()),
                        time));
    }

    private void label(String id, String label, String annotator, long ts) throws Exception {
        harness.processElement2(
                new StreamRecord<>(
                        AnnotationSignal.of(new HumanLabel(id, label, annotator, ts)), ts));
    }

    private void feedback(String id, long ts, double... p) throws Exception {
        harness.processElement2(
                new StreamRecord<>(AnnotationSignal.of(new ModelFeedback(id, p, ts)), ts));
    }

    private List<VotedEvent> completed() {
        return harness.extractOutputValues();
    }

    private List<AnnotationRequest> requests() {
        var out = harness.getSideOutput(AnnotationTags.REQUESTS);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    private List<ExpiredAnnotation> expired() {
        var out = harness.getSideOutput(AnnotationTags.EXPIRED);
        return out == null
                ? List.of()
                : out.stream().map(StreamRecord::getValue).filter(Objects::nonNull).toList();
    }
}

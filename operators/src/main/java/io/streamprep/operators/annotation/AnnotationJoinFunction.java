package io.streamprep.operators.annotation;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.SafetyNetTtl;
import io.streamprep.operators.weaklabel.Uncertainty;
import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.HumanLabel;
import io.streamprep.schemas.records.ModelFeedback;
import io.streamprep.schemas.records.TextEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Holds records that need human labels, keyed by record id, and joins the labels and model feedback
 * for them back.
 *
 * <p>Every decision is taken in an event-time timer at time T, from the state with event times at
 * most T, so the outcome does not depend on arrival order (see {@link JoinRules}):
 *
 * <ul>
 *   <li>When the record's request window closes, a request goes to {@link AnnotationTags#REQUESTS}
 *       scored by the latest feedback up to then, else by the weak-label votes. Feedback for a
 *       still-held record in a later window re-scores it and requests it again there ({@code round}
 *       1, 2, ...).
 *   <li>When the {@code votesRequired}-th vote (by time, then annotator) is due, the record leaves
 *       on the main output with the first {@code votesRequired} votes, at that vote's time.
 *   <li>At event time + {@code timeout}: with some votes, it leaves with those; with none, it
 *       expires to {@link AnnotationTags#EXPIRED} (reason {@code timeout}).
 * </ul>
 *
 * <p>An annotator's first vote (by time, then label) counts; later ones are ignored. A label for an
 * id that is not held by the label's time + timeout expires as {@code orphan_label}; unmatched
 * feedback is counted ({@code annotation.feedback_unmatched}) and cleared. Timers clear all state;
 * a processing-time TTL is the safety net.
 */
public class AnnotationJoinFunction
        extends KeyedCoProcessFunction<String, LabelDecision, AnnotationSignal, VotedEvent> {

    private static final long serialVersionUID = 1L;
    private static final Comparator<HumanLabel> VOTE_ORDER =
            Comparator.comparingLong(HumanLabel::ts)
                    .thenComparing(HumanLabel::annotator)
                    .thenComparing(HumanLabel::label);

    private final JoinRules rules;
    private final Duration stateTtl;

    private transient ValueState<LabelDecision> held;
    private transient MapState<String, HumanLabel> votes;
    private transient MapState<Long, ModelFeedback> feedback;
    private transient PipelineCounters counters;

    public AnnotationJoinFunction(JoinRules rules, Duration stateTtl) {
        this.rules = rules;
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<LabelDecision> heldDescriptor =
                new ValueStateDescriptor<>("held", TypeInformation.of(LabelDecision.class));
        MapStateDescriptor<String, HumanLabel> votesDescriptor =
                new MapStateDescriptor<>(
                        "votes", Types.STRING, TypeInformation.of(HumanLabel.class));
        MapStateDescriptor<Long, ModelFeedback> feedbackDescriptor =
                new MapStateDescriptor<>(
                        "feedback", Types.LONG, TypeInformation.of(ModelFeedback.class));
        if (stateTtl != null) {
            StateTtlConfig ttl = SafetyNetTtl.of(stateTtl);
            heldDescriptor.enableTimeToLive(ttl);
            votesDescriptor.enableTimeToLive(ttl);
            feedbackDescriptor.enableTimeToLive(ttl);
        }
        held = getRuntimeContext().getState(heldDescriptor);
        votes = getRuntimeContext().getMapState(votesDescriptor);
        feedback = getRuntimeContext().getMapState(feedbackDescriptor);
        counters = new PipelineCounters(getRuntimeContext(), "annotation");
    }

    @Override
    public void processElement1(LabelDecision record, Context ctx, Collector<VotedEvent> out)
            throws Exception {
        if (held.value() != null) {
            counters.inc("duplicate_ids");
        }
        held.update(record);
        counters.inc("held");
        long t0 = record.item().event().eventTime();
        ctx.timerService().registerEventTimeTimer(rules.firstRequestAt(t0));
        ctx.timerService().registerEventTimeTimer(rules.expiresAt(t0));
        for (HumanLabel vote : votes.values()) {
            ctx.timerService().registerEventTimeTimer(Math.max(vote.ts(), t0));
        }
        for (Long ts : feedback.keys()) {
            long at = rules.requestAt(ts);
            if (at > rules.firstRequestAt(t0)) {
                ctx.timerService().registerEventTimeTimer(at);
            }
        }
    }

    @Override
    public void processElement2(AnnotationSignal signal, Context ctx, Collector<VotedEvent> out)
            throws Exception {
        LabelDecision record = held.value();
        if (signal.label() != null) {
            HumanLabel vote = signal.label();
            HumanLabel previous = votes.get(vote.annotator());
            if (previous != null && VOTE_ORDER.compare(previous, vote) <= 0) {
                counters.inc("votes_ignored");
                return;
            }
            votes.put(vote.annotator(), vote);
            counters.inc("votes");
            ctx.timerService()
                    .registerEventTimeTimer(
                            record == null
                                    ? rules.expiresAt(vote.ts())
                                    : Math.max(vote.ts(), record.item().event().eventTime()));
            return;
        }
        ModelFeedback f = signal.feedback();
        ModelFeedback previous = feedback.get(f.ts());
        if (previous != null && JoinRules.FEEDBACK_ORDER.compare(previous, f) >= 0) {
            return;
        }
        feedback.put(f.ts(), f);
        counters.inc("feedback");
        if (record == null) {
            ctx.timerService().registerEventTimeTimer(rules.expiresAt(f.ts()));
        } else if (rules.requestAt(f.ts())
                > rules.firstRequestAt(record.item().event().eventTime())) {
            ctx.timerService().registerEventTimeTimer(rules.requestAt(f.ts()));
        }
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<VotedEvent> out) throws Exception {
        LabelDecision record = held.value();
        if (record == null) {
            cleanOrphans(time, ctx);
            return;
        }
        TextEvent event = record.item().event();
        List<HumanLabel> due = new ArrayList<>();
        for (HumanLabel vote : votes.values()) {
            if (vote.ts() <= time) {
                due.add(vote);
            }
        }
        due.sort(VOTE_ORDER);
        if (due.size() >= rules.votesRequired()) {
            complete(event, due.subList(0, rules.votesRequired()), time, out);
            return;
        }
        if (time >= rules.expiresAt(event.eventTime())) {
            if (due.isEmpty()) {
                counters.inc("expired." + ExpiredAnnotation.TIMEOUT);
                ctx.output(
                        AnnotationTags.EXPIRED,
                        new ExpiredAnnotation(
                                event.id(),
                                ExpiredAnnotation.TIMEOUT,
                                0,
                                event.eventTime(),
                                time,
                                event.text(),
                                null,
                                null));
                clearAll();
            } else {
                counters.inc("completed_partial");
                complete(event, due, time, out);
            }
            return;
        }
        int round = rules.roundAt(time, event.eventTime(), feedback.keys());
        if (round >= 0) {
            ctx.output(AnnotationTags.REQUESTS, request(record, time, round));
        }
    }

    private AnnotationRequest request(LabelDecision record, long time, int round) throws Exception {
        ModelFeedback latest = null;
        for (Map.Entry<Long, ModelFeedback> e : feedback.entries()) {
            if (e.getKey() <= time && (latest == null || e.getKey() > latest.ts())) {
                latest = e.getValue();
            }
        }
        TextEvent event = record.item().event();
        double entropy = record.entropy();
        double margin = record.margin();
        String scoredBy = AnnotationRequest.BY_VOTES;
        if (latest != null) {
            entropy = Uncertainty.normalizedEntropy(latest.probabilities());
            margin = Uncertainty.margin(latest.probabilities());
            scoredBy = AnnotationRequest.BY_MODEL;
        }
        counters.inc("requests_scored");
        return new AnnotationRequest(
                event.id(),
                event.text(),
                event.eventTime(),
                rules.windowOf(time),
                0,
                round,
                JoinRules.votesJson(record.item()),
                record.label(),
                record.confidence(),
                entropy,
                margin,
                scoredBy);
    }

    private void complete(
            TextEvent event, List<HumanLabel> due, long time, Collector<VotedEvent> out)
            throws Exception {
        String[] annotators = due.stream().map(HumanLabel::annotator).toArray(String[]::new);
        String[] labels = due.stream().map(HumanLabel::label).toArray(String[]::new);
        int all = 0;
        for (HumanLabel ignored : votes.values()) {
            all++;
        }
        counters.add("votes_ignored", all - due.size());
        counters.inc("completed");
        out.collect(new VotedEvent(event, annotators, labels, time));
        clearAll();
    }

    private void cleanOrphans(long time, OnTimerContext ctx) throws Exception {
        List<HumanLabel> orphans = new ArrayList<>();
        for (HumanLabel vote : votes.values()) {
            if (rules.expiresAt(vote.ts()) <= time) {
                orphans.add(vote);
            }
        }
        orphans.sort(VOTE_ORDER);
        for (HumanLabel vote : orphans) {
            votes.remove(vote.annotator());
            counters.inc("expired." + ExpiredAnnotation.ORPHAN_LABEL);
            ctx.output(
                    AnnotationTags.EXPIRED,
                    new ExpiredAnnotation(
                            vote.id(),
                            ExpiredAnnotation.ORPHAN_LABEL,
                            1,
                            vote.ts(),
                            time,
                            null,
                            vote.annotator(),
                            vote.label()));
        }
        List<Long> stale = new ArrayList<>();
        for (Long ts : feedback.keys()) {
            if (rules.expiresAt(ts) <= time) {
                stale.add(ts);
            }
        }
        for (Long ts : stale) {
            feedback.remove(ts);
            counters.inc("feedback_unmatched");
        }
    }

    private void clearAll() {
        held.clear();
        votes.clear();
        feedback.clear();
    }
}

package io.streamprep.operators.annotation;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.SafetyNetTtl;
import io.streamprep.operators.weaklabel.DawidSkene;
import io.streamprep.operators.weaklabel.MajorityVote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns votes into a {@link LabelDecision}, keyed by event-time window ({@link #windowKey}).
 *
 * <p>Majority vote decides each record at once, statelessly. Dawid-Skene buffers a window's records
 * until the watermark passes the window's end, fits the model on exactly those votes (sorted by
 * time and id) and decides them all; so the estimated accuracies, and every label, depend only on
 * the window's content, never on arrival order or parallelism. A record that arrives after its
 * window closed (late) is decided by majority vote and counted as {@code <family>.late}. A timer
 * clears each window's buffer; a processing-time TTL is the safety net.
 */
public class VoteModelFunction extends KeyedProcessFunction<Long, VotedEvent, LabelDecision> {

    private static final long serialVersionUID = 1L;
    private static final Comparator<VotedEvent> ORDER =
            Comparator.comparingLong(VotedEvent::time).thenComparing(VotedEvent::id);

    private final boolean dawidSkene;
    private final long windowMillis;
    private final int emIterations;
    private final Duration stateTtl;
    private final String family;

    private transient ListState<VotedEvent> buffer;
    private transient PipelineCounters counters;

    /**
     * @param dawidSkene Dawid-Skene per window, else majority vote
     * @param window the event-time window the model is fitted on
     * @param emIterations EM iterations at most
     * @param stateTtl safety-net TTL, or {@code null}
     * @param family counter family ({@code weak_labels} or {@code annotation})
     */
    public VoteModelFunction(
            boolean dawidSkene,
            Duration window,
            int emIterations,
            Duration stateTtl,
            String family) {
        this.dawidSkene = dawidSkene;
        this.windowMillis = window.toMillis();
        this.emIterations = emIterations;
        this.stateTtl = stateTtl;
        this.family = family;
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("the label model window must be positive");
        }
    }

    /** The key: the start of the record's window. */
    public static KeySelector<VotedEvent, Long> windowKey(Duration window) {
        long size = window.toMillis();
        return v -> EventTimeWindows.start(v.time(), size);
    }

    @Override
    public void open(OpenContext openContext) {
        ListStateDescriptor<VotedEvent> descriptor =
                new ListStateDescriptor<>("votes", TypeInformation.of(VotedEvent.class));
        if (stateTtl != null) {
            descriptor.enableTimeToLive(SafetyNetTtl.of(stateTtl));
        }
        buffer = getRuntimeContext().getListState(descriptor);
        counters = new PipelineCounters(getRuntimeContext(), family);
    }

    @Override
    public void processElement(VotedEvent item, Context ctx, Collector<LabelDecision> out)
            throws Exception {
        if (!dawidSkene || item.time() <= ctx.timerService().currentWatermark()) {
            if (dawidSkene) {
                counters.inc("late");
            }
            out.collect(LabelDecision.of(item, MajorityVote.decide(item.votes())));
            return;
        }
        buffer.add(item);
        ctx.timerService()
                .registerEventTimeTimer(EventTimeWindows.lastMillis(item.time(), windowMillis));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LabelDecision> out)
            throws Exception {
        List<VotedEvent> items = new ArrayList<>();
        for (VotedEvent item : buffer.get()) {
            items.add(item);
        }
        buffer.clear();
        if (items.isEmpty()) {
            return;
        }
        items.sort(ORDER);
        List<String[]> aligned = aligned(items);
        DawidSkene model = DawidSkene.fit(aligned, emIterations);
        counters.inc("windows_fitted");
        for (int i = 0; i < items.size(); i++) {
            out.collect(LabelDecision.of(items.get(i), model.decide(aligned.get(i))));
        }
    }

    /**
     * Each item's votes in one column per voter (the sorted union of the window's voters), so a
     * source is the same column in every item: annotators differ from record to record.
     */
    static List<String[]> aligned(List<VotedEvent> items) {
        TreeSet<String> voters = new TreeSet<>();
        for (VotedEvent item : items) {
            voters.addAll(Arrays.asList(item.voters()));
        }
        List<String> columns = new ArrayList<>(voters);
        List<String[]> aligned = new ArrayList<>(items.size());
        for (VotedEvent item : items) {
            String[] row = new String[columns.size()];
            for (int j = 0; j < item.voters().length; j++) {
                row[Collections.binarySearch(columns, item.voters()[j])] = item.votes()[j];
            }
            aligned.add(row);
        }
        return aligned;
    }
}

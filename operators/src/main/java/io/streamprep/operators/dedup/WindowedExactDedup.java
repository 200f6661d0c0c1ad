package io.streamprep.operators.dedup;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.SafetyNetTtl;
import io.streamprep.schemas.records.DuplicateRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Windowed exact deduplication of any record type, keyed by a content fingerprint (see {@link
 * ExactDedupPolicy} for the rule). Subclasses say how to read a record's event time and id: {@link
 * ExactDedupFunction} for text, the image pipeline's for decoded pixels.
 *
 * <p>To make the winner independent of arrival order, records are buffered until the watermark
 * passes their event time and then judged in (event time, id) order. Kept records go to the main
 * output; duplicates go to {@link OutputTags#DUPLICATES} naming the kept record. Nothing is dropped
 * silently.
 *
 * <p>Late records (event time at or behind the watermark, i.e. more out of order than the source's
 * bound) cannot be ordered any more; they are judged at once against the latest kept record, within
 * the window on either side, and counted as {@code dedup.late}.
 *
 * <p>Metrics besides {@code duplicates.exact}: {@code dedup.kept} (records passed on) and the gauge
 * {@code dedup.duplicate_rate}, the share of this subtask's judged records that were duplicates.
 *
 * <p>State: per fingerprint, the latest kept record and the buffer of not-yet-judged records. An
 * event-time timer clears the kept record once the window after it has passed, so state lives for
 * about one window; a processing-time TTL ({@code stateTtl}) is a safety net against keys whose
 * timers never fire (a stalled watermark).
 */
public abstract class WindowedExactDedup<T> extends KeyedProcessFunction<String, T, T> {

    private static final long serialVersionUID = 1L;

    /** Counter of records passed on (not duplicates). */
    public static final String KEPT = "kept";

    /** Gauge: duplicates / (duplicates + kept) in this subtask. */
    public static final String DUPLICATE_RATE = "duplicate_rate";

    private final ExactDedupPolicy policy;
    private final Duration stateTtl;

    private final TypeInformation<T> recordType;

    private transient Comparator<T> order;
    private transient ValueState<KeptRecord> kept;
    private transient MapState<Long, List<T>> pending;
    private transient PipelineCounters duplicates;
    private transient PipelineCounters dedup;

    /**
     * @param window how far apart in event time two copies may be to count as duplicates
     * @param stateTtl safety-net TTL for all keyed state, or {@code null} for none
     * @param recordType the type of the buffered records (part of the state's serializer)
     */
    protected WindowedExactDedup(
            Duration window, Duration stateTtl, TypeInformation<T> recordType) {
        this.policy = new ExactDedupPolicy(window);
        this.stateTtl = stateTtl;
        this.recordType = recordType;
    }

    /** The record's event time. */
    protected abstract long eventTime(T record);

    /** The record's id, named in {@code duplicate_of} by later copies. */
    protected abstract String idOf(T record);

    @Override
    public void open(OpenContext openContext) {
        order = Comparator.comparingLong(this::eventTime).thenComparing(this::idOf);
        ValueStateDescriptor<KeptRecord> keptDescriptor =
                new ValueStateDescriptor<>("kept", new KeptRecordSerializer());
        MapStateDescriptor<Long, List<T>> pendingDescriptor =
                new MapStateDescriptor<>("pending", Types.LONG, new ListTypeInfo<>(recordType));
        SafetyNetTtl.apply(keptDescriptor, stateTtl);
        SafetyNetTtl.apply(pendingDescriptor, stateTtl);
        kept = getRuntimeContext().getState(keptDescriptor);
        pending = getRuntimeContext().getMapState(pendingDescriptor);
        duplicates = new PipelineCounters(getRuntimeContext(), "duplicates");
        dedup = new PipelineCounters(getRuntimeContext(), "dedup");
        dedup.gauge(DUPLICATE_RATE, this::duplicateRate);
    }

    /** Share of the records judged by this subtask so far that were duplicates. */
    private double duplicateRate() {
        long dropped = duplicates.count(DuplicateRecord.EXACT);
        long judged = dropped + dedup.count(KEPT);
        return judged == 0 ? 0.0 : (double) dropped / judged;
    }

    @Override
    public void processElement(T event, Context ctx, Collector<T> out) throws Exception {
        long time = eventTime(event);
        if (time > ctx.timerService().currentWatermark()) {
            List<T> atTime = pending.get(time);
            if (atTime == null) {
                atTime = new ArrayList<>(1);
            }
            atTime.add(event);
            pending.put(time, atTime);
            ctx.timerService().registerEventTimeTimer(time);
            return;
        }
        dedup.inc("late");
        KeptRecord last = kept.value();
        if (policy.isLateDuplicate(last, time)) {
            emitDuplicate(ctx, event, last);
        } else {
            KeptRecord now = keep(ctx, event, out, last);
            if (now != last) {
                kept.update(now);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) throws Exception {
        // The kept record is read once and written at most once per timer: every state access
        // goes through the TTL wrapper and its incremental cleanup, which profiling showed to
        // cost as much as the dedup logic itself (BENCHMARKS.md).
        KeptRecord stored = kept.value();
        KeptRecord last = stored;
        List<T> due = pending.get(timestamp);
        if (due != null) {
            pending.remove(timestamp);
            due.sort(order);
            for (T event : due) {
                if (policy.isDuplicate(last, eventTime(event))) {
                    emitDuplicate(ctx, event, last);
                } else {
                    last = keep(ctx, event, out, last);
                }
            }
        }
        if (last != null && timestamp > policy.expiry(last)) {
            if (stored != null) {
                kept.clear();
            }
        } else if (last != stored) {
            kept.update(last);
        }
    }

    /** Emits the event and returns the kept record after it; only the caller writes it. */
    private KeptRecord keep(Context ctx, T event, Collector<T> out, KeptRecord last) {
        out.collect(event);
        dedup.inc(KEPT);
        if (last == null || eventTime(event) >= last.eventTime()) {
            KeptRecord now = new KeptRecord(eventTime(event), idOf(event));
            long expiry = policy.expiry(now);
            if (expiry < Long.MAX_VALUE) {
                ctx.timerService().registerEventTimeTimer(expiry + 1);
            }
            return now;
        }
        return last;
    }

    private void emitDuplicate(Context ctx, T event, KeptRecord of) {
        duplicates.inc(DuplicateRecord.EXACT);
        ctx.output(
                OutputTags.DUPLICATES,
                new DuplicateRecord(idOf(event), of.id(), DuplicateRecord.EXACT, 1.0));
    }
}

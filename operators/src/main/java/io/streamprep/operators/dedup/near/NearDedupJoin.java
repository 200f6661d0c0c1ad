package io.streamprep.operators.dedup.near;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.SafetyNetTtl;
import io.streamprep.schemas.records.DuplicateRecord;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies the index's verdict to the record it concerns, for any record type (text in {@link
 * NearDedupJoinFunction}, images in the image package). The record waits here (not in the index)
 * until its verdict arrives, which is when the watermark has passed it; then both are cleared at
 * once. Keyed per record by the probe's join key.
 *
 * <p>A near duplicate (drop mode) goes to {@link OutputTags#DUPLICATES} as {@code
 * DuplicateRecord(id, duplicate_of, "near", similarity)} and is counted as {@code duplicates.near}.
 * A kept record is emitted; in group mode one whose cluster representative is another record gets
 * that representative as its split key, so the whole cluster lands in one split (counted as {@code
 * dedup.near-grouped}). Nothing is dropped silently.
 *
 * <p>State: {@code waiting} (the record, of {@link #recordType()}) and {@code verdict}, one value
 * each per key; the names and types are part of the savepoint layout.
 *
 * @param <T> the record type
 */
public abstract class NearDedupJoin<T> extends KeyedCoProcessFunction<String, T, NearVerdict, T> {

    private static final long serialVersionUID = 1L;

    private final boolean group;
    private final Duration stateTtl;

    private transient ValueState<T> waiting;
    private transient ValueState<NearVerdict> verdict;
    private transient PipelineCounters duplicates;
    private transient PipelineCounters dedup;

    /**
     * @param group whether near duplicates are kept and grouped (else dropped)
     * @param stateTtl safety-net TTL, or {@code null} for none
     */
    protected NearDedupJoin(boolean group, Duration stateTtl) {
        this.group = group;
        this.stateTtl = stateTtl;
    }

    /** The type of the waiting record in state. */
    protected abstract TypeInformation<T> recordType();

    /** The record's id, named in its duplicate record. */
    protected abstract String id(T record);

    /** The record with its split derived from {@code representative}. */
    protected abstract T withSplitKey(T record, String representative);

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<T> waitingDescriptor =
                new ValueStateDescriptor<>("waiting", recordType());
        ValueStateDescriptor<NearVerdict> verdictDescriptor =
                new ValueStateDescriptor<>("verdict", TypeInformation.of(NearVerdict.class));
        SafetyNetTtl.apply(waitingDescriptor, stateTtl);
        SafetyNetTtl.apply(verdictDescriptor, stateTtl);
        waiting = getRuntimeContext().getState(waitingDescriptor);
        verdict = getRuntimeContext().getState(verdictDescriptor);
        duplicates = new PipelineCounters(getRuntimeContext(), "duplicates");
        dedup = new PipelineCounters(getRuntimeContext(), "dedup");
    }

    @Override
    public void processElement1(T record, Context ctx, Collector<T> out) throws Exception {
        NearVerdict known = verdict.value();
        if (known == null) {
            waiting.update(record);
            return;
        }
        verdict.clear();
        apply(record, known, ctx, out);
    }

    @Override
    public void processElement2(NearVerdict decided, Context ctx, Collector<T> out)
            throws Exception {
        T record = waiting.value();
        if (record == null) {
            verdict.update(decided);
            return;
        }
        waiting.clear();
        apply(record, decided, ctx, out);
    }

    private void apply(T record, NearVerdict decided, Context ctx, Collector<T> out) {
        if (!decided.isNearDuplicate()) {
            out.collect(record);
        } else if (!group) {
            duplicates.inc(DuplicateRecord.NEAR);
            ctx.output(
                    OutputTags.DUPLICATES,
                    new DuplicateRecord(
                            id(record),
                            decided.duplicateOf(),
                            DuplicateRecord.NEAR,
                            decided.similarity()));
        } else {
            dedup.inc("near-grouped");
            out.collect(withSplitKey(record, decided.representative()));
        }
    }
}

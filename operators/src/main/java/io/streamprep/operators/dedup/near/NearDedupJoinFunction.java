package io.streamprep.operators.dedup.near;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies the index's verdict to the text record it concerns, keyed by {@link NearDedupKeys#of}.
 * The record waits here (not in the index) until its verdict arrives, which is when the watermark
 * has passed it; then both are cleared at once.
 *
 * <p>A near duplicate (drop mode) goes to {@link OutputTags#DUPLICATES} as {@code
 * DuplicateRecord(id, duplicate_of, "near", similarity)} and is counted as {@code duplicates.near}.
 * A kept record is emitted; in group mode one whose cluster representative is another record gets
 * that representative as its split key, so the whole cluster lands in one split (counted as {@code
 * dedup.near-grouped}). Nothing is dropped silently.
 */
public class NearDedupJoinFunction
        extends KeyedCoProcessFunction<String, TextEvent, NearVerdict, TextEvent> {

    private static final long serialVersionUID = 1L;

    private final boolean group;
    private final Duration stateTtl;

    private transient ValueState<TextEvent> waiting;
    private transient ValueState<NearVerdict> verdict;
    private transient PipelineCounters duplicates;
    private transient PipelineCounters dedup;

    /**
     * @param group whether near duplicates are kept and grouped (else dropped)
     * @param stateTtl safety-net TTL, or {@code null} for none
     */
    public NearDedupJoinFunction(boolean group, Duration stateTtl) {
        this.group = group;
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<TextEvent> waitingDescriptor =
                new ValueStateDescriptor<>("waiting", TypeInformation.of(TextEvent.class));
        ValueStateDescriptor<NearVerdict> verdictDescriptor =
                new ValueStateDescriptor<>("verdict", TypeInformation.of(NearVerdict.class));
        if (stateTtl != null) {
            StateTtlConfig ttl =
                    StateTtlConfig.newBuilder(stateTtl)
                            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                            .build();
            waitingDescriptor.enableTimeToLive(ttl);
            verdictDescriptor.enableTimeToLive(ttl);
        }
        waiting = getRuntimeContext().getState(waitingDescriptor);
        verdict = getRuntimeContext().getState(verdictDescriptor);
        duplicates = new PipelineCounters(getRuntimeContext(), "duplicates");
        dedup = new PipelineCounters(getRuntimeContext(), "dedup");
    }

    @Override
    public void processElement1(TextEvent event, Context ctx, Collector<TextEvent> out)
            throws Exception {
        NearVerdict known = verdict.value();
        if (known == null) {
            waiting.update(event);
            return;
        }
        verdict.clear();
        apply(event, known, ctx, out);
    }

    @Override
    public void processElement2(NearVerdict decided, Context ctx, Collector<TextEvent> out)
            throws Exception {
        TextEvent event = waiting.value();
        if (event == null) {
            verdict.update(decided);
            return;
        }
        waiting.clear();
        apply(event, decided, ctx, out);
    }

    private void apply(
            TextEvent event, NearVerdict decided, Context ctx, Collector<TextEvent> out) {
        if (!decided.isNearDuplicate()) {
            out.collect(event);
        } else if (!group) {
            duplicates.inc(DuplicateRecord.NEAR);
            ctx.output(
                    OutputTags.DUPLICATES,
                    new DuplicateRecord(
                            event.id(),
                            decided.duplicateOf(),
                            DuplicateRecord.NEAR,
                            decided.similarity()));
        } else {
            dedup.inc("near-grouped");
            out.collect(event.withSplitKey(decided.representative()));
        }
    }
}

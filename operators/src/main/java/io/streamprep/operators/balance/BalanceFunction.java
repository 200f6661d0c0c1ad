package io.streamprep.operators.balance;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TextEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Last phase of class balancing, keyed by label: holds each pane's records of the class until the
 * watermark passes the pane, then applies the class's rate for that pane ({@link PaneSampler}).
 *
 * <p>Kept records go to the main output, with {@link TextEvent#extraVariants()} set for classes
 * below their target; under-sampled records go to {@link OutputTags#SAMPLED_OUT}. Nothing is
 * dropped silently. The decision waits for the watermark of both inputs: then every non-late record
 * of the pane and the pane's rate (emitted before that watermark) are here, so the outcome depends
 * only on the pane's content, not on arrival order or parallelism.
 *
 * <p>A record behind the watermark on arrival (late), or in a pane without a rate, passes untouched
 * and is counted as {@code balance.late}. State: the pane's records and rate, cleared by the pane's
 * timer; a TTL is the safety net.
 *
 * <p>Counters (family {@code balance}): {@code in.<label>}, {@code out.<label>} (kept originals),
 * {@code extra.<label>} (extra variants requested), {@code sampled_out.<label>}, {@code late}.
 */
public class BalanceFunction
        extends KeyedCoProcessFunction<String, TextEvent, ClassRate, TextEvent> {

    private static final long serialVersionUID = 1L;

    private final BalanceSettings settings;

    private transient MapState<Long, List<TextEvent>> pending;
    private transient MapState<Long, Double> rates;
    private transient PipelineCounters counters;

    public BalanceFunction(BalanceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getMapState(
                                BalanceState.withTtl(
                                        new MapStateDescriptor<>(
                                                "pending",
                                                Types.LONG,
                                                new ListTypeInfo<>(TextEvent.class)),
                                        settings.stateTtl()));
        rates =
                getRuntimeContext()
                        .getMapState(
                                BalanceState.withTtl(
                                        new MapStateDescriptor<>("rates", Types.LONG, Types.DOUBLE),
                                        settings.stateTtl()));
        counters = new PipelineCounters(getRuntimeContext(), "balance");
    }

    @Override
    public void processElement1(TextEvent event, Context ctx, Collector<TextEvent> out)
            throws Exception {
        String label = event.record().label();
        counters.inc("in." + label);
        if (event.eventTime() <= ctx.timerService().currentWatermark()) {
            passLate(event, out);
            return;
        }
        long paneEnd = settings.paneEnd(event.eventTime());
        List<TextEvent> records = pending.get(paneEnd);
        if (records == null) {
            records = new ArrayList<>();
        }
        records.add(event);
        pending.put(paneEnd, records);
        ctx.timerService().registerEventTimeTimer(paneEnd - 1);
    }

    @Override
    public void processElement2(ClassRate rate, Context ctx, Collector<TextEvent> out)
            throws Exception {
        rates.put(rate.paneEnd(), rate.rate());
        ctx.timerService().registerEventTimeTimer(rate.paneEnd() - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TextEvent> out)
            throws Exception {
        long paneEnd = timestamp + 1;
        List<TextEvent> records = pending.get(paneEnd);
        Double rate = rates.get(paneEnd);
        pending.remove(paneEnd);
        rates.remove(paneEnd);
        if (records == null) {
            return;
        }
        if (rate == null) {
            records.forEach(e -> passLate(e, out));
            return;
        }
        String label = ctx.getCurrentKey();
        PaneSampler.Outcome outcome =
                PaneSampler.decide(records, rate, settings.maxFactor(), settings.seed());
        for (TextEvent kept : outcome.kept()) {
            out.collect(kept);
        }
        counters.add("out." + label, outcome.kept().size());
        if (outcome.extraVariants() > 0) {
            counters.add("extra." + label, outcome.extraVariants());
        }
        long kept = outcome.kept().size();
        for (TextEvent dropped : outcome.sampledOut()) {
            ctx.output(
                    OutputTags.SAMPLED_OUT,
                    new SampledOutRecord(
                            dropped.id(),
                            label,
                            dropped.eventTime(),
                            paneEnd - settings.slideMs(),
                            paneEnd,
                            kept,
                            records.size()));
        }
        if (!outcome.sampledOut().isEmpty()) {
            counters.add("sampled_out." + label, outcome.sampledOut().size());
        }
    }

    private void passLate(TextEvent event, Collector<TextEvent> out) {
        counters.inc("late");
        counters.inc("out." + event.record().label());
        out.collect(event);
    }
}

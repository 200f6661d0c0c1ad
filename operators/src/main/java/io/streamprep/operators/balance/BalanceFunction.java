package io.streamprep.operators.balance;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.SafetyNetTtl;
import io.streamprep.schemas.records.SampledOutRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Last phase of class balancing, keyed by (pane, label) ({@link PaneKeys}): holds the pane's
 * records of the class until the watermark passes the pane, then applies the class's rate for that
 * pane ({@link PaneSampler}).
 *
 * <p>Kept records go to the main output, with their extra variants ({@link
 * BalanceAccess#withExtraVariants}) set for classes below their target; under-sampled records go to
 * {@link OutputTags#SAMPLED_OUT}. Nothing is dropped silently. The decision waits for the watermark
 * of both inputs: then every non-late record of the pane and the pane's rate (emitted before that
 * watermark) are here, so the outcome depends only on the pane's content, not on arrival order or
 * parallelism.
 *
 * <p>A record behind the watermark on arrival (late), or in a pane without a rate, passes untouched
 * and is counted as {@code balance.late}. State: the pane's records (an append-only list) and rate,
 * cleared by the pane's timer; a TTL is the safety net.
 *
 * <p>Counters (family {@code balance}): {@code in.<label>}, {@code out.<label>} (kept originals),
 * {@code extra.<label>} (extra variants requested), {@code sampled_out.<label>}, {@code late}.
 *
 * @param <E> the record type, read through a {@link BalanceAccess}
 */
public class BalanceFunction<E> extends KeyedCoProcessFunction<String, E, ClassRate, E>
        implements ResultTypeQueryable<E> {

    private static final long serialVersionUID = 1L;

    private final BalanceSettings settings;
    private final BalanceAccess<E> access;

    private transient ListState<E> pending;
    private transient ValueState<Double> rate;
    private transient PipelineCounters counters;

    public BalanceFunction(BalanceSettings settings, BalanceAccess<E> access) {
        this.settings = settings;
        this.access = access;
    }

    @Override
    public TypeInformation<E> getProducedType() {
        return access.type();
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getListState(
                                SafetyNetTtl.apply(
                                        new ListStateDescriptor<>("pending", access.type()),
                                        settings.stateTtl()));
        rate =
                getRuntimeContext()
                        .getState(
                                SafetyNetTtl.apply(
                                        new ValueStateDescriptor<>("rate", Types.DOUBLE),
                                        settings.stateTtl()));
        counters = new PipelineCounters(getRuntimeContext(), "balance");
    }

    @Override
    public void processElement1(E event, Context ctx, Collector<E> out) throws Exception {
        counters.inc("in." + access.label(event));
        long eventTime = access.eventTime(event);
        if (eventTime <= ctx.timerService().currentWatermark()) {
            passLate(event, out);
            return;
        }
        pending.add(event);
        ctx.timerService().registerEventTimeTimer(settings.paneEnd(eventTime) - 1);
    }

    @Override
    public void processElement2(ClassRate classRate, Context ctx, Collector<E> out)
            throws Exception {
        rate.update(classRate.rate());
        ctx.timerService().registerEventTimeTimer(classRate.paneEnd() - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<E> out) throws Exception {
        long paneEnd = timestamp + 1;
        List<E> records = new ArrayList<>();
        for (E e : pending.get()) {
            records.add(e);
        }
        Double r = rate.value();
        pending.clear();
        rate.clear();
        if (records.isEmpty()) {
            return;
        }
        if (r == null) {
            records.forEach(e -> passLate(e, out));
            return;
        }
        String label = access.label(records.get(0));
        PaneSampler.Outcome<E> outcome =
                PaneSampler.decide(records, access, r, settings.maxFactor(), settings.seed());
        for (E kept : outcome.kept()) {
            out.collect(kept);
        }
        counters.add("out." + label, outcome.kept().size());
        if (outcome.extraVariants() > 0) {
            counters.add("extra." + label, outcome.extraVariants());
        }
        long kept = outcome.kept().size();
        for (E dropped : outcome.sampledOut()) {
            ctx.output(
                    OutputTags.SAMPLED_OUT,
                    new SampledOutRecord(
                            access.id(dropped),
                            label,
                            access.eventTime(dropped),
                            paneEnd - settings.slideMs(),
                            paneEnd,
                            kept,
                            records.size()));
        }
        if (!outcome.sampledOut().isEmpty()) {
            counters.add("sampled_out." + label, outcome.sampledOut().size());
        }
    }

    private void passLate(E event, Collector<E> out) {
        counters.inc("late");
        counters.inc("out." + access.label(event));
        out.collect(event);
    }
}

package io.streamprep.operators.balance;

import io.streamprep.operators.common.SafetyNetTtl;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Second phase of class balancing, keyed by horizon end: sums the class counts of one horizon over
 * all labels (so class frequencies are global whatever the parallelism) and, once the watermark
 * passes the horizon's end, emits the rate of every class present in its last pane ({@link
 * BalanceTarget}).
 *
 * <p>All counts of a horizon have arrived when the watermark passes its end, because each counter
 * emits them before it forwards that watermark. State: the horizon's sums, cleared by its timer; a
 * TTL is the safety net.
 */
public class ClassRateFunction extends KeyedProcessFunction<Long, ClassCount, ClassRate> {

    private static final long serialVersionUID = 1L;

    private final BalanceSettings settings;

    private transient MapState<String, Long> horizon;
    private transient MapState<String, Long> lastPane;

    public ClassRateFunction(BalanceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        horizon =
                getRuntimeContext()
                        .getMapState(
                                SafetyNetTtl.apply(
                                        new MapStateDescriptor<>(
                                                "horizon", Types.STRING, Types.LONG),
                                        settings.stateTtl()));
        lastPane =
                getRuntimeContext()
                        .getMapState(
                                SafetyNetTtl.apply(
                                        new MapStateDescriptor<>(
                                                "last-pane", Types.STRING, Types.LONG),
                                        settings.stateTtl()));
    }

    @Override
    public void processElement(ClassCount count, Context ctx, Collector<ClassRate> out)
            throws Exception {
        Long sum = horizon.get(count.label());
        horizon.put(count.label(), sum == null ? count.count() : sum + count.count());
        if (count.lastPane()) {
            Long pane = lastPane.get(count.label());
            lastPane.put(count.label(), pane == null ? count.count() : pane + count.count());
        }
        ctx.timerService().registerEventTimeTimer(count.horizonEnd() - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClassRate> out)
            throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (Map.Entry<String, Long> e : horizon.entries()) {
            counts.put(e.getKey(), e.getValue());
        }
        Map<String, Double> rates =
                BalanceTarget.rates(
                        counts,
                        settings.weights(),
                        settings.maxFactor(),
                        settings.keepInputSize(),
                        settings.tolerance());
        long paneEnd = timestamp + 1;
        for (String label : new TreeMap<>(rates).keySet()) {
            if (lastPane.contains(label)) {
                out.collect(new ClassRate(paneEnd, label, rates.get(label)));
            }
        }
        horizon.clear();
        lastPane.clear();
    }
}

package io.streamprep.operators.balance;

import io.streamprep.operators.common.SafetyNetTtl;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * First phase of class balancing, keyed by label: counts the records of the class per pane and,
 * once the watermark passes the pane, sends the count to every horizon that holds the pane.
 *
 * <p>Records behind the watermark are not counted (their pane's count may already be out); {@link
 * BalanceFunction} passes them through untouched. State: one counter per open pane, cleared by the
 * pane's timer; a TTL is the safety net.
 *
 * @param <E> the record type, read through a {@link BalanceAccess}
 */
public class ClassCountFunction<E> extends KeyedProcessFunction<String, E, ClassCount> {

    private static final long serialVersionUID = 1L;

    private final BalanceSettings settings;
    private final BalanceAccess<E> access;

    private transient MapState<Long, Long> counts;

    public ClassCountFunction(BalanceSettings settings, BalanceAccess<E> access) {
        this.settings = settings;
        this.access = access;
    }

    @Override
    public void open(OpenContext openContext) {
        counts =
                getRuntimeContext()
                        .getMapState(
                                SafetyNetTtl.apply(
                                        new MapStateDescriptor<>("counts", Types.LONG, Types.LONG),
                                        settings.stateTtl()));
    }

    @Override
    public void processElement(E event, Context ctx, Collector<ClassCount> out) throws Exception {
        long eventTime = access.eventTime(event);
        if (eventTime <= ctx.timerService().currentWatermark()) {
            return;
        }
        long paneEnd = settings.paneEnd(eventTime);
        Long count = counts.get(paneEnd);
        counts.put(paneEnd, count == null ? 1L : count + 1);
        ctx.timerService().registerEventTimeTimer(paneEnd - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClassCount> out)
            throws Exception {
        long paneEnd = timestamp + 1;
        Long count = counts.get(paneEnd);
        if (count == null) {
            return;
        }
        counts.remove(paneEnd);
        String label = ctx.getCurrentKey();
        for (int i = 0; i < settings.panesPerHorizon(); i++) {
            out.collect(new ClassCount(paneEnd + i * settings.slideMs(), label, count, i == 0));
        }
    }
}

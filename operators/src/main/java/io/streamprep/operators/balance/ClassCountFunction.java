package io.streamprep.operators.balance;

import io.streamprep.schemas.records.TextEvent;
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
 */
public class ClassCountFunction extends KeyedProcessFunction<String, TextEvent, ClassCount> {

    private static final long serialVersionUID = 1L;

    private final BalanceSettings settings;

    private transient MapState<Long, Long> counts;

    public ClassCountFunction(BalanceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        counts =
                getRuntimeContext()
                        .getMapState(
                                BalanceState.withTtl(
                                        new MapStateDescriptor<>("counts", Types.LONG, Types.LONG),
                                        settings.stateTtl()));
    }

    @Override
    public void processElement(TextEvent event, Context ctx, Collector<ClassCount> out)
            throws Exception {
        if (event.eventTime() <= ctx.timerService().currentWatermark()) {
            return;
        }
        long paneEnd = settings.paneEnd(event.eventTime());
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

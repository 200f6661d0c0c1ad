package io.streamprep.operators.balance;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Entry of class balancing: records whose label takes part ({@link BalanceSettings#balances}) go to
 * the main output; unlabelled records and labels without a weight go to {@link #PASS} untouched and
 * are counted as {@code balance.passed}. Stateless.
 */
public class BalanceRouter extends ProcessFunction<TextEvent, TextEvent> {

    private static final long serialVersionUID = 1L;

    /** Records that class balancing does not touch. */
    public static final OutputTag<TextEvent> PASS = new OutputTag<>("balance-pass") {};

    private final BalanceSettings settings;

    private transient PipelineCounters counters;

    public BalanceRouter(BalanceSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new PipelineCounters(getRuntimeContext(), "balance");
    }

    @Override
    public void processElement(TextEvent event, Context ctx, Collector<TextEvent> out) {
        if (settings.balances(event.record().label())) {
            out.collect(event);
        } else {
            counters.inc("passed");
            ctx.output(PASS, event);
        }
    }
}

package io.streamprep.operators.balance;

import io.streamprep.operators.common.PipelineCounters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Entry of class balancing: records whose label takes part ({@link BalanceSettings#balances}) go to
 * the main output; unlabelled records and labels without a weight go to {@link #PASS} untouched and
 * are counted as {@code balance.passed}. Stateless.
 *
 * @param <E> the record type, read through a {@link BalanceAccess}
 */
public class BalanceRouter<E> extends ProcessFunction<E, E> implements ResultTypeQueryable<E> {

    private static final long serialVersionUID = 1L;

    private final BalanceSettings settings;
    private final BalanceAccess<E> access;

    private transient PipelineCounters counters;

    public BalanceRouter(BalanceSettings settings, BalanceAccess<E> access) {
        this.settings = settings;
        this.access = access;
    }

    /** Records that class balancing does not touch. */
    public OutputTag<E> pass() {
        return new OutputTag<>("balance-pass", access.type());
    }

    @Override
    public TypeInformation<E> getProducedType() {
        return access.type();
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new PipelineCounters(getRuntimeContext(), "balance");
    }

    @Override
    public void processElement(E event, Context ctx, Collector<E> out) {
        if (settings.balances(access.label(event))) {
            out.collect(event);
        } else {
            counters.inc("passed");
            ctx.output(pass(), event);
        }
    }
}

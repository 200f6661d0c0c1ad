package io.streamprep.operators.common;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counts one family of events (dead letters by reason, duplicates by kind, outputs by split) both
 * as Flink metrics, for live monitoring, and as accumulators, which a finished job reports for
 * {@code stats.json}.
 *
 * <p>Metrics are registered as {@code streamprep.<family>.<name>}, each with a meter {@code
 * streamprep.<family>.<name>.rate} (events per second, averaged over the last minute, per subtask);
 * accumulators as {@code <family>.<name>}. Counters are created on first use so unknown names cost
 * nothing until seen.
 */
public final class PipelineCounters {

    /** Suffix of the per-second meter registered next to every counter. */
    public static final String RATE = "rate";

    private final RuntimeContext context;
    private final String family;
    private final MetricGroup group;
    private final Map<String, Counter> metrics = new HashMap<>();
    private final Map<String, LongCounter> accumulators = new HashMap<>();

    public PipelineCounters(RuntimeContext context, String family) {
        this.context = context;
        this.family = family;
        this.group = context.getMetricGroup().addGroup("streamprep").addGroup(family);
    }

    /** Adds one to the named counter. */
    public void inc(String name) {
        add(name, 1);
    }

    /** Adds {@code n} to the named counter. */
    public void add(String name, long n) {
        metrics.computeIfAbsent(name, this::counter).inc(n);
        accumulators.computeIfAbsent(name, this::accumulator).add(n);
    }

    /** The named counter's value in this subtask so far (0 if never counted). */
    public long count(String name) {
        Counter counter = metrics.get(name);
        return counter == null ? 0 : counter.getCount();
    }

    /** Registers a gauge {@code streamprep.<family>.<name>} (live metric only, no accumulator). */
    public <T> void gauge(String name, Gauge<T> gauge) {
        group.gauge(name, gauge);
    }

    private Counter counter(String name) {
        Counter counter = group.counter(name);
        group.meter(name + "." + RATE, new MeterView(counter));
        return counter;
    }

    private LongCounter accumulator(String name) {
        return context.getLongCounter(family + "." + name);
    }
}

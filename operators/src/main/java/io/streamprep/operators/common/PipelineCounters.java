package io.streamprep.operators.common;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counts one family of events (dead letters by reason, duplicates by kind, outputs by split) both
 * as Flink metrics, for live monitoring, and as accumulators, which a finished job reports for
 * {@code stats.json}.
 *
 * <p>Metrics are registered as {@code streamprep.<family>.<name>}; accumulators as {@code
 * <family>.<name>}. Counters are created on first use so unknown names cost nothing until seen.
 */
public final class PipelineCounters {

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
        metrics.computeIfAbsent(name, group::counter).inc(n);
        accumulators.computeIfAbsent(name, this::accumulator).add(n);
    }

    private LongCounter accumulator(String name) {
        return context.getLongCounter(family + "." + name);
    }
}

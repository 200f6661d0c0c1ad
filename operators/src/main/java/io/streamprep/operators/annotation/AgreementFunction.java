package io.streamprep.operators.annotation;

import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Inter-annotator agreement over every completed record, exported as gauges {@code
 * streamprep.annotation.kappa_cohen} (mean pairwise Cohen's kappa; with two annotators, theirs) and
 * {@code streamprep.annotation.kappa_fleiss} (Fleiss' kappa over records with exactly {@code
 * ratings} votes), and as the accumulator {@value #ACCUMULATOR} for {@code stats.json}.
 *
 * <p>All records go to one key ({@link #ALL}), so one subtask sees every vote and the gauges are
 * global; human votes are few, so this is no bottleneck. The counts are keyed state (checkpointed,
 * restored); the accumulator covers the current run attempt only, like every counter.
 */
public class AgreementFunction extends KeyedProcessFunction<Integer, VotedEvent, Void> {

    private static final long serialVersionUID = 1L;

    public static final String ACCUMULATOR = "annotation.agreement";

    /** The single key. */
    public static final KeySelector<VotedEvent, Integer> ALL = v -> 0;

    private final int ratings;

    private transient MapState<String, Long> state;
    private transient AgreementCounts counts;
    private transient AgreementAccumulator accumulator;

    /**
     * @param ratings the number of votes per record Fleiss' kappa is reported for
     */
    public AgreementFunction(int ratings) {
        this.ratings = ratings;
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("agreement", Types.STRING, Types.LONG));
        accumulator = new AgreementAccumulator();
        getRuntimeContext().addAccumulator(ACCUMULATOR, accumulator);
        MetricGroup group =
                getRuntimeContext().getMetricGroup().addGroup("streamprep").addGroup("annotation");
        group.gauge(
                "kappa_cohen",
                (Gauge<Double>) () -> counts == null ? Double.NaN : counts.meanCohenKappa());
        group.gauge(
                "kappa_fleiss",
                (Gauge<Double>) () -> counts == null ? Double.NaN : counts.fleissKappa(ratings));
    }

    @Override
    public void processElement(VotedEvent item, Context ctx, Collector<Void> out) throws Exception {
        if (counts == null) {
            AgreementCounts restored = new AgreementCounts();
            for (Map.Entry<String, Long> e : state.entries()) {
                restored.merge(new AgreementCounts(Map.of(e.getKey(), e.getValue())));
            }
            counts = restored;
        }
        for (Map.Entry<String, Long> e : counts.add(item.voters(), item.votes()).entrySet()) {
            state.put(e.getKey(), e.getValue());
        }
        AgreementCounts one = new AgreementCounts();
        one.add(item.voters(), item.votes());
        accumulator.add(one);
    }

    /** Current counts, for tests. */
    AgreementCounts counts() {
        return counts;
    }

    /** Merges the agreement counts of all subtasks. */
    public static final class AgreementAccumulator
            implements Accumulator<AgreementCounts, AgreementCounts> {

        private static final long serialVersionUID = 1L;
        private AgreementCounts value = new AgreementCounts();

        @Override
        public void add(AgreementCounts more) {
            value.merge(more);
        }

        @Override
        public AgreementCounts getLocalValue() {
            return value;
        }

        @Override
        public void resetLocal() {
            value = new AgreementCounts();
        }

        @Override
        public void merge(Accumulator<AgreementCounts, AgreementCounts> other) {
            value.merge(other.getLocalValue());
        }

        @Override
        public AgreementAccumulator clone() {
            AgreementAccumulator copy = new AgreementAccumulator();
            copy.value.merge(value);
            return copy;
        }
    }
}

package io.streamprep.operators.augment.text;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.StableHash;
import io.streamprep.schemas.records.TextEvent;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The EDA stage: emits every event unchanged, and after each original (variant 0) its EDA variants
 * 1..n as {@link AugmentPolicy#edaVariantsOf} decides.
 *
 * <p>Variant v of record r is drawn from {@link StableHash#random}(seed, r, v) alone, so replays,
 * restarts and any parallelism give the same variants. A variant keeps the source's id, label,
 * event time and split key (it lands in the source's split) and records its operations in {@code
 * augmentations}. A variant whose text came out identical to the source is not emitted (counted as
 * {@code augment.eda_identical}); emitted ones are counted as {@code augment.eda_variants}.
 * Stateless; WordNet is loaded once per JVM when the first task opens.
 */
public class EdaAugmentFunction extends ProcessFunction<TextEvent, TextEvent> {

    private static final long serialVersionUID = 1L;

    private final AugmentPolicy policy;
    private final long seed;

    private transient EdaAugmenter augmenter;
    private transient PipelineCounters counters;

    public EdaAugmentFunction(AugmentPolicy policy, long seed) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.seed = seed;
    }

    @Override
    public void open(OpenContext openContext) {
        WordNetSynonyms synonyms = WordNetSynonyms.shared();
        augmenter = new EdaAugmenter(policy.edaSteps(), synonyms::of);
        counters = new PipelineCounters(getRuntimeContext(), "augment");
    }

    @Override
    public void processElement(TextEvent event, Context ctx, Collector<TextEvent> out) {
        out.collect(event);
        int variants = policy.edaVariantsOf(event);
        for (int v = 1; v <= variants; v++) {
            SplittableRandom random = StableHash.random(seed, event.id(), v);
            EdaAugmenter.Variant variant = augmenter.augment(event.text(), random);
            if (variant.text().equals(event.text())) {
                counters.inc("eda_identical");
                continue;
            }
            out.collect(event.asVariant(v, variant.text(), variant.operationsJson()));
            counters.inc("eda_variants");
        }
    }
}

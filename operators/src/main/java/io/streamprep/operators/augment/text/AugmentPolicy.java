package io.streamprep.operators.augment.text;

import io.streamprep.operators.augment.VariantCounts;
import io.streamprep.schemas.config.AugmentOptions;
import io.streamprep.schemas.records.TextEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How many augmented variants each record gets, read once from {@link AugmentOptions}.
 *
 * <p>Only originals (variant 0) are augmented. EDA variants are numbered 1..n, where n is the
 * class's count (or the global one) plus the record's {@link TextEvent#extraVariants()} (set by
 * class balancing), bounded so that EDA and back-translation together stay within {@code
 * maxVariants}; the back-translated variant, if any, is number n + 1. Both stages compute these
 * numbers from the record alone, so they agree without talking to each other.
 *
 * @param enabled {@code augment.enabled}
 * @param maxVariants {@code augment.max-variants}
 * @param edaEnabled {@code augment.eda.enabled}
 * @param edaVariants {@code augment.eda.variants}
 * @param edaVariantsPerClass {@code augment.eda.variants-per-class}
 * @param edaSteps the EDA operations with alpha and probability
 * @param backTranslate {@code augment.backtranslate.enabled}
 * @param backTranslateClasses {@code augment.backtranslate.classes}; empty for all
 */
public record AugmentPolicy(
        boolean enabled,
        int maxVariants,
        boolean edaEnabled,
        int edaVariants,
        Map<String, Integer> edaVariantsPerClass,
        List<EdaStep> edaSteps,
        boolean backTranslate,
        List<String> backTranslateClasses)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public AugmentPolicy {
        if (maxVariants < 0) {
            throw new IllegalArgumentException(
                    AugmentOptions.MAX_VARIANTS.key() + " must be >= 0, but is " + maxVariants);
        }
        if (edaVariants < 0) {
            throw new IllegalArgumentException(
                    AugmentOptions.EDA_VARIANTS.key() + " must be >= 0, but is " + edaVariants);
        }
        if (enabled && edaEnabled && edaSteps.isEmpty()) {
            throw new IllegalArgumentException(
                    AugmentOptions.EDA_OPERATIONS.key() + " must name at least one operation");
        }
        edaVariantsPerClass =
                VariantCounts.checked(AugmentOptions.EDA_VARIANTS_PER_CLASS, edaVariantsPerClass);
        edaSteps = Collections.unmodifiableList(new ArrayList<>(edaSteps));
        backTranslateClasses = Collections.unmodifiableList(new ArrayList<>(backTranslateClasses));
    }

    /** Reads every option of {@link AugmentOptions}, falling back to its default. */
    public static AugmentPolicy fromConfig(ReadableConfig config) {
        Map<String, Integer> perClass =
                VariantCounts.parse(
                        AugmentOptions.EDA_VARIANTS_PER_CLASS,
                        config.get(AugmentOptions.EDA_VARIANTS_PER_CLASS));
        List<EdaStep> steps = new ArrayList<>();
        for (String code : config.get(AugmentOptions.EDA_OPERATIONS)) {
            EdaOperation op = EdaOperation.fromCode(code);
            steps.add(
                    switch (op) {
                        case SYNONYM_REPLACE ->
                                new EdaStep(
                                        op,
                                        config.get(AugmentOptions.SYNONYM_REPLACE_ALPHA),
                                        config.get(AugmentOptions.SYNONYM_REPLACE_PROBABILITY));
                        case RANDOM_INSERT ->
                                new EdaStep(
                                        op,
                                        config.get(AugmentOptions.RANDOM_INSERT_ALPHA),
                                        config.get(AugmentOptions.RANDOM_INSERT_PROBABILITY));
                        case RANDOM_SWAP ->
                                new EdaStep(
                                        op,
                                        config.get(AugmentOptions.RANDOM_SWAP_ALPHA),
                                        config.get(AugmentOptions.RANDOM_SWAP_PROBABILITY));
                        case RANDOM_DELETE ->
                                new EdaStep(
                                        op,
                                        config.get(AugmentOptions.RANDOM_DELETE_ALPHA),
                                        config.get(AugmentOptions.RANDOM_DELETE_PROBABILITY));
                    });
        }
        return new AugmentPolicy(
                config.get(AugmentOptions.ENABLED),
                config.get(AugmentOptions.MAX_VARIANTS),
                config.get(AugmentOptions.EDA_ENABLED),
                config.get(AugmentOptions.EDA_VARIANTS),
                perClass,
                steps,
                config.get(AugmentOptions.BACKTRANSLATE_ENABLED),
                config.get(AugmentOptions.BACKTRANSLATE_CLASSES));
    }

    /** Number of EDA variants of this event (0 for variants and when EDA is off). */
    public int edaVariantsOf(TextEvent event) {
        if (!enabled || !edaEnabled || event.variant() != 0) {
            return 0;
        }
        int bound = maxVariants - (wantsBackTranslation(event) ? 1 : 0);
        return VariantCounts.of(
                edaVariantsPerClass,
                edaVariants,
                event.record().label(),
                event.extraVariants(),
                bound);
    }

    /** The variant number of this event's back-translation, or 0 if it gets none. */
    public int backTranslationVariantOf(TextEvent event) {
        return wantsBackTranslation(event) ? edaVariantsOf(event) + 1 : 0;
    }

    private boolean wantsBackTranslation(TextEvent event) {
        return enabled
                && backTranslate
                && maxVariants >= 1
                && event.variant() == 0
                && (backTranslateClasses.isEmpty()
                        || backTranslateClasses.contains(event.record().label()));
    }
}

package io.streamprep.operators.image.augment;

import io.streamprep.operators.augment.VariantCounts;
import io.streamprep.schemas.config.ImageAugmentOptions;
import io.streamprep.schemas.records.ImageEvent;
import java.io.Serializable;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Which image augmentations to apply, how strongly and how many variants per image ({@link
 * ImageAugmentOptions}), read once and checked: probabilities in [0, 1], ranges non-negative and
 * within each operator's domain, counts not negative.
 *
 * <p>Only originals (variant 0) are augmented. An image gets its class's count ({@code
 * variantsPerClass}, else {@code variants}) plus the extra variants class balancing requested
 * ({@link ImageEvent#extraVariants()}), at most {@code maxVariants}. The count depends on the image
 * alone, so it is the same at any parallelism and on replay.
 */
public record ImageAugmentPolicy(
        int variants,
        Map<String, Integer> variantsPerClass,
        int maxVariants,
        double hflipP,
        double vflipP,
        double rotateP,
        double rotateMaxDegrees,
        double cropP,
        double cropMinArea,
        double scaleP,
        double scaleRange,
        double jitterP,
        double brightness,
        double contrast,
        double saturation,
        double hue,
        double noiseP,
        double noiseMaxSigma,
        double blurP,
        double blurMaxSigma)
        implements Serializable {

    public ImageAugmentPolicy {
        if (variants < 0) {
            throw new IllegalArgumentException(
                    ImageAugmentOptions.VARIANTS.key() + " must not be negative");
        }
        if (maxVariants < 0) {
            throw new IllegalArgumentException(
                    ImageAugmentOptions.MAX_VARIANTS.key() + " must not be negative");
        }
        variantsPerClass =
                VariantCounts.checked(ImageAugmentOptions.VARIANTS_PER_CLASS, variantsPerClass);
        probability(ImageAugmentOptions.HFLIP_P.key(), hflipP);
        probability(ImageAugmentOptions.VFLIP_P.key(), vflipP);
        probability(ImageAugmentOptions.ROTATE_P.key(), rotateP);
        probability(ImageAugmentOptions.CROP_P.key(), cropP);
        probability(ImageAugmentOptions.SCALE_P.key(), scaleP);
        probability(ImageAugmentOptions.JITTER_P.key(), jitterP);
        probability(ImageAugmentOptions.NOISE_P.key(), noiseP);
        probability(ImageAugmentOptions.BLUR_P.key(), blurP);
        within(ImageAugmentOptions.ROTATE_MAX_DEGREES.key(), rotateMaxDegrees, 0, 180);
        within(ImageAugmentOptions.CROP_MIN_AREA.key(), cropMinArea, 0.01, 1);
        within(ImageAugmentOptions.SCALE_RANGE.key(), scaleRange, 0, 0.9);
        within(ImageAugmentOptions.JITTER_BRIGHTNESS.key(), brightness, 0, 1);
        within(ImageAugmentOptions.JITTER_CONTRAST.key(), contrast, 0, 1);
        within(ImageAugmentOptions.JITTER_SATURATION.key(), saturation, 0, 1);
        within(ImageAugmentOptions.JITTER_HUE.key(), hue, 0, 0.5);
        within(ImageAugmentOptions.NOISE_MAX_SIGMA.key(), noiseMaxSigma, 0, 255);
        within(ImageAugmentOptions.BLUR_MAX_SIGMA.key(), blurMaxSigma, 0.1, 20);
    }

    public static ImageAugmentPolicy fromConfig(ReadableConfig c) {
        return new ImageAugmentPolicy(
                c.get(ImageAugmentOptions.VARIANTS),
                VariantCounts.parse(
                        ImageAugmentOptions.VARIANTS_PER_CLASS,
                        c.get(ImageAugmentOptions.VARIANTS_PER_CLASS)),
                c.get(ImageAugmentOptions.MAX_VARIANTS),
                c.get(ImageAugmentOptions.HFLIP_P),
                c.get(ImageAugmentOptions.VFLIP_P),
                c.get(ImageAugmentOptions.ROTATE_P),
                c.get(ImageAugmentOptions.ROTATE_MAX_DEGREES),
                c.get(ImageAugmentOptions.CROP_P),
                c.get(ImageAugmentOptions.CROP_MIN_AREA),
                c.get(ImageAugmentOptions.SCALE_P),
                c.get(ImageAugmentOptions.SCALE_RANGE),
                c.get(ImageAugmentOptions.JITTER_P),
                c.get(ImageAugmentOptions.JITTER_BRIGHTNESS),
                c.get(ImageAugmentOptions.JITTER_CONTRAST),
                c.get(ImageAugmentOptions.JITTER_SATURATION),
                c.get(ImageAugmentOptions.JITTER_HUE),
                c.get(ImageAugmentOptions.NOISE_P),
                c.get(ImageAugmentOptions.NOISE_MAX_SIGMA),
                c.get(ImageAugmentOptions.BLUR_P),
                c.get(ImageAugmentOptions.BLUR_MAX_SIGMA));
    }

    /** Whether some image gets variants without class balancing asking for them. */
    public boolean makesVariants() {
        return maxVariants > 0
                && (variants > 0 || variantsPerClass.values().stream().anyMatch(n -> n > 0));
    }

    /** How many augmented variants this image gets (0 for variants themselves). */
    public int variantsOf(ImageEvent event) {
        if (event.variant() != 0) {
            return 0;
        }
        return VariantCounts.of(
                variantsPerClass, variants, event.label(), event.extraVariants(), maxVariants);
    }

    private static void probability(String key, double p) {
        within(key, p, 0, 1);
    }

    private static void within(String key, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(
                    key + " must be in [" + min + ", " + max + "], but is " + v);
        }
    }
}

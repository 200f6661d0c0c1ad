package io.streamprep.operators.image.augment;

import io.streamprep.schemas.config.ImageAugmentOptions;
import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Which image augmentations to apply and how strongly ({@link ImageAugmentOptions}), read once and
 * checked: probabilities in [0, 1], ranges non-negative and within each operator's domain.
 */
public record ImageAugmentPolicy(
        int variants,
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

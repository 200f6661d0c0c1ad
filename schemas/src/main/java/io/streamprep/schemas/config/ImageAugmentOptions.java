package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.util.Map;
import org.apache.flink.configuration.ConfigOption;

/**
 * Image augmentation: how many variants per image (globally, per class, plus those class balancing
 * asks for) and, per operator, its probability and range. Each variant applies every operator whose
 * coin comes up, in the order listed here.
 */
public final class ImageAugmentOptions {

    public static final ConfigOption<Integer> VARIANTS =
            key("image.augment.variants")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Augmented variants emitted per kept image, besides the original, for "
                                    + "classes not listed in image.augment.variants-per-class. "
                                    + "Augmentation is off when this and every per-class count "
                                    + "are 0 and balance.enabled is false.");

    public static final ConfigOption<Map<String, String>> VARIANTS_PER_CLASS =
            key("image.augment.variants-per-class")
                    .mapType()
                    .defaultValue(Map.of())
                    .withDescription(
                            "Augmented variants per kept image by label, e.g. "
                                    + "'emblems:4,actions:0'. Unlabelled images use "
                                    + "image.augment.variants.");

    public static final ConfigOption<Integer> MAX_VARIANTS =
            key("image.augment.max-variants")
                    .intType()
                    .defaultValue(16)
                    .withDescription(
                            "Upper bound of augmented variants of one image, after adding the "
                                    + "extra variants requested by class balancing (which "
                                    + "balance.max-factor bounds).");

    public static final ConfigOption<Double> HFLIP_P =
            probability("hflip", 0.5, "Probability of a horizontal flip.");

    public static final ConfigOption<Double> VFLIP_P =
            probability("vflip", 0.0, "Probability of a vertical flip.");

    public static final ConfigOption<Double> ROTATE_P =
            probability("rotate", 0.3, "Probability of a rotation about the centre.");

    public static final ConfigOption<Double> ROTATE_MAX_DEGREES =
            range(
                    "rotate.max-degrees",
                    15.0,
                    "Rotation angle drawn uniformly from [-max, max] degrees; the size is kept and "
                            + "corners are filled with image.background.");

    public static final ConfigOption<Double> CROP_P =
            probability(
                    "crop",
                    0.3,
                    "Probability of a random resized crop (resized back to full size).");

    public static final ConfigOption<Double> CROP_MIN_AREA =
            range(
                    "crop.min-area",
                    0.5,
                    "Crop area drawn from [min-area, 1] of the image, aspect ratio from [3/4, 4/3].");

    public static final ConfigOption<Double> SCALE_P =
            probability("scale", 0.0, "Probability of a zoom in or out about the centre.");

    public static final ConfigOption<Double> SCALE_RANGE =
            range(
                    "scale.range",
                    0.2,
                    "Zoom factor drawn from [1 - range, 1 + range]; the size is kept and uncovered "
                            + "borders are filled with image.background.");

    public static final ConfigOption<Double> JITTER_P =
            probability("jitter", 0.5, "Probability of colour jitter.");

    public static final ConfigOption<Double> JITTER_BRIGHTNESS =
            range("jitter.brightness", 0.2, "Brightness factor drawn from [1 - b, 1 + b].");

    public static final ConfigOption<Double> JITTER_CONTRAST =
            range("jitter.contrast", 0.2, "Contrast factor drawn from [1 - c, 1 + c].");

    public static final ConfigOption<Double> JITTER_SATURATION =
            range("jitter.saturation", 0.2, "Saturation factor drawn from [1 - s, 1 + s].");

    public static final ConfigOption<Double> JITTER_HUE =
            range("jitter.hue", 0.05, "Hue shift drawn from [-h, h] turns (at most 0.5).");

    public static final ConfigOption<Double> NOISE_P =
            probability("noise", 0.0, "Probability of additive Gaussian noise.");

    public static final ConfigOption<Double> NOISE_MAX_SIGMA =
            range(
                    "noise.max-sigma",
                    10.0,
                    "Noise standard deviation drawn from [0, max] (pixel units, 0..255).");

    public static final ConfigOption<Double> BLUR_P =
            probability("blur", 0.0, "Probability of a Gaussian blur.");

    public static final ConfigOption<Double> BLUR_MAX_SIGMA =
            range("blur.max-sigma", 1.5, "Blur sigma drawn from [0.1, max] pixels.");

    private static ConfigOption<Double> probability(String op, double value, String text) {
        return key("image.augment." + op + ".p")
                .doubleType()
                .defaultValue(value)
                .withDescription(text);
    }

    private static ConfigOption<Double> range(String name, double value, String text) {
        return key("image.augment." + name).doubleType().defaultValue(value).withDescription(text);
    }

    private ImageAugmentOptions() {}
}

package io.streamprep.operators.image;

/**
 * Brings any decoded image to the training shape: the shorter side resized to {@code size} and the
 * centre cropped to {@code size x size}, computed in one resampling pass over just the cropped
 * region. Pure and deterministic.
 */
public final class ImageNormalizer {

    private final int size;

    public ImageNormalizer(int size) {
        this.size = size;
    }

    public RgbImage normalize(RgbImage image) {
        int w = image.width();
        int h = image.height();
        double scale = (double) Math.min(w, h) / size;
        double side = size * scale;
        return Resampler.resizeRegion(
                image, (w - side) / 2.0, (h - side) / 2.0, side, side, size, size);
    }
}

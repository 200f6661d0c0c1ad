package io.streamprep.operators.image;

import java.util.Objects;

/**
 * Decoded pixels: 8-bit RGB, row-major HWC ({@code rgb[(y * width + x) * 3 + c]}, c = R, G, B). The
 * array is shared, not copied: operations return new images (or fill a caller's destination array)
 * and never modify their input.
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param rgb {@code width * height * 3} bytes
 */
public record RgbImage(int width, int height, byte[] rgb) {

    public RgbImage {
        Objects.requireNonNull(rgb, "rgb");
        if (width < 1 || height < 1 || (long) width * height * 3 != rgb.length) {
            throw new IllegalArgumentException(
                    "an RGB image of "
                            + width
                            + "x"
                            + height
                            + " needs "
                            + 3L * width * height
                            + " bytes, got "
                            + rgb.length);
        }
    }

    /** A blank image of one colour ({@code 0xRRGGBB}). */
    public static RgbImage filled(int width, int height, int rgbColour) {
        byte[] px = new byte[width * height * 3];
        byte r = (byte) (rgbColour >>> 16);
        byte g = (byte) (rgbColour >>> 8);
        byte b = (byte) rgbColour;
        for (int i = 0; i < px.length; i += 3) {
            px[i] = r;
            px[i + 1] = g;
            px[i + 2] = b;
        }
        return new RgbImage(width, height, px);
    }

    /**
     * Checks that {@code dst} can take an image of this one's size written by an operator reading
     * this one: the same length, and not this image's own array (operators read source pixels after
     * writing others, so writing in place would corrupt the result).
     *
     * @throws IllegalArgumentException naming both sizes, or the aliasing
     */
    public void checkDestination(byte[] dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.length != rgb.length) {
            throw new IllegalArgumentException(
                    "destination of "
                            + dst.length
                            + " bytes for a "
                            + width
                            + "x"
                            + height
                            + " RGB image, which needs "
                            + rgb.length);
        }
        if (dst == rgb) {
            throw new IllegalArgumentException(
                    "destination is the source's own pixel array: operators cannot work in place");
        }
    }

    /** The channel value (0..255) at (x, y). */
    public int at(int x, int y, int channel) {
        return rgb[(y * width + x) * 3 + channel] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage i
                && width == i.width
                && height == i.height
                && java.util.Arrays.equals(rgb, i.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + java.util.Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage{" + width + "x" + height + "}";
    }
}

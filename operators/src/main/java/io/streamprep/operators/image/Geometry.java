package io.streamprep.operators.image;

/**
 * Lossless pixel rearrangements on {@link RgbImage} arrays: flips, quarter turns and EXIF
 * orientation. Each is a straight copy of 3-byte pixels, no per-pixel method calls.
 */
public final class Geometry {

    private Geometry() {}

    /** Mirror left-right. */
    public static RgbImage flipHorizontal(RgbImage src) {
        int w = src.width();
        int h = src.height();
        byte[] in = src.rgb();
        byte[] out = new byte[in.length];
        int row = w * 3;
        for (int base = 0; base < in.length; base += row) {
            for (int s = base, d = base + row - 3; d >= base; s += 3, d -= 3) {
                out[d] = in[s];
                out[d + 1] = in[s + 1];
                out[d + 2] = in[s + 2];
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Mirror top-bottom. */
    public static RgbImage flipVertical(RgbImage src) {
        int w = src.width();
        int h = src.height();
        byte[] in = src.rgb();
        byte[] out = new byte[in.length];
        int row = w * 3;
        for (int y = 0; y < h; y++) {
            System.arraycopy(in, y * row, out, (h - 1 - y) * row, row);
        }
        return new RgbImage(w, h, out);
    }

    /**
     * Turns the stored pixels of an image with this EXIF orientation (1..8) upright; 1 or an
     * unknown value returns the input.
     */
    public static RgbImage upright(RgbImage src, int orientation) {
        return switch (orientation) {
            case 2 -> flipHorizontal(src);
            case 3 -> flipVertical(flipHorizontal(src));
            case 4 -> flipVertical(src);
            case 5 -> transposed(src, false, false);
            case 6 -> transposed(src, false, true);
            case 7 -> transposed(src, true, true);
            case 8 -> transposed(src, true, false);
            default -> src;
        };
    }

    /**
     * Output (x', y') of size h x w takes input (x = y' or w-1-y', y = x' or h-1-x'): transpose
     * (5), rotate 90 clockwise (6), transverse (7), rotate 90 counter-clockwise (8).
     */
    private static RgbImage transposed(RgbImage src, boolean mirrorX, boolean mirrorY) {
        int w = src.width();
        int h = src.height();
        byte[] in = src.rgb();
        byte[] out = new byte[in.length];
        int outW = h;
        for (int yo = 0; yo < w; yo++) {
            int xs = mirrorX ? w - 1 - yo : yo;
            for (int xo = 0; xo < outW; xo++) {
                int ys = mirrorY ? h - 1 - xo : xo;
                int s = (ys * w + xs) * 3;
                int d = (yo * outW + xo) * 3;
                out[d] = in[s];
                out[d + 1] = in[s + 1];
                out[d + 2] = in[s + 2];
            }
        }
        return new RgbImage(outW, w, out);
    }
}

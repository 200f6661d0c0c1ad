package io.streamprep.operators.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Lossless pixel rearrangements on {@link RgbImage} arrays: flips, quarter turns and EXIF
 * orientation. Each is a straight copy of 3-byte pixels, no per-pixel method calls.
 */
public final class Geometry {

    /** Little-endian on every platform, so the byte order of the shifts below is fixed. */
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Geometry() {}

    /** Mirror left-right, into a new array. */
    public static RgbImage flipHorizontal(RgbImage src) {
        return flipHorizontal(src, new byte[src.rgb().length]);
    }

    /**
     * Mirror left-right, written into {@code dst} (every byte overwritten; {@code src} untouched).
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage flipHorizontal(RgbImage src, byte[] dst) {
        src.checkDestination(dst);
        reversePixelRows(src.rgb(), dst, src.width(), src.height());
        return new RgbImage(src.width(), src.height(), dst);
    }

    /** Each of the {@code rows} rows of {@code w} pixels written in reverse pixel order. */
    private static void reversePixelRows(byte[] in, byte[] out, int w, int rows) {
        if (VectorSupport.wideBytePermutes()) {
            VectorKernels.reversePixelRows(in, out, w, rows);
        } else {
            reversePixelRowsScalar(in, out, w, rows);
        }
    }

    /** {@link #reversePixelRows} without SIMD (package-private for the tests). */
    static void reversePixelRowsScalar(byte[] in, byte[] out, int w, int rows) {
        int row = w * 3;
        for (int y = 0, base = 0; y < rows; y++, base += row) {
            reversePixels(in, base, out, base, w);
        }
    }

    /**
     * Writes the {@code pixels} 3-byte pixels starting at {@code in[from]} in reverse order to
     * {@code out[to..]}.
     */
    private static void reversePixels(byte[] in, int from, byte[] out, int to, int pixels) {
        int s = from;
        int d = to + pixels * 3 - 24;
        // Eight pixels (24 bytes, three longs) per step, reversed with shifts: a third of the
        // memory operations of a byte-by-byte copy.
        for (int b = pixels / 8; b > 0; b--, s += 24, d -= 24) {
            long l0 = (long) LONGS.get(in, s);
            long l1 = (long) LONGS.get(in, s + 8);
            long l2 = (long) LONGS.get(in, s + 16);
            long p0 = l0 & 0xFFFFFFL;
            long p1 = (l0 >>> 24) & 0xFFFFFFL;
            long p2 = (l0 >>> 48) | ((l1 & 0xFFL) << 16);
            long p3 = (l1 >>> 8) & 0xFFFFFFL;
            long p4 = (l1 >>> 32) & 0xFFFFFFL;
            long p5 = (l1 >>> 56) | ((l2 & 0xFFFFL) << 8);
            long p6 = (l2 >>> 16) & 0xFFFFFFL;
            long p7 = l2 >>> 40;
            LONGS.set(out, d, p7 | (p6 << 24) | (p5 << 48));
            LONGS.set(out, d + 8, (p5 >>> 16) | (p4 << 8) | (p3 << 32) | (p2 << 56));
            LONGS.set(out, d + 16, (p2 >>> 8) | (p1 << 16) | (p0 << 40));
        }
        for (d += 21; d >= to; s += 3, d -= 3) {
            out[d] = in[s];
            out[d + 1] = in[s + 1];
            out[d + 2] = in[s + 2];
        }
    }

    /** Mirror top-bottom, into a new array. */
    public static RgbImage flipVertical(RgbImage src) {
        return flipVertical(src, new byte[src.rgb().length]);
    }

    /**
     * Mirror top-bottom, written into {@code dst} (every byte overwritten; {@code src} untouched).
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage flipVertical(RgbImage src, byte[] dst) {
        src.checkDestination(dst);
        int h = src.height();
        byte[] in = src.rgb();
        int row = src.width() * 3;
        for (int y = 0; y < h; y++) {
            System.arraycopy(in, y * row, dst, (h - 1 - y) * row, row);
        }
        return new RgbImage(src.width(), h, dst);
    }

    /**
     * Turns the stored pixels of an image with this EXIF orientation (1..8) upright; 1 or an
     * unknown value returns the input.
     */
    public static RgbImage upright(RgbImage src, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return src;
        }
        return upright(src, orientation, new byte[src.rgb().length]);
    }

    /**
     * {@link #upright(RgbImage, int)} written into {@code dst}; 1 or an unknown value copies the
     * input. Orientations 5..8 swap width and height (same number of bytes).
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage upright(RgbImage src, int orientation, byte[] dst) {
        src.checkDestination(dst);
        return switch (orientation) {
            case 2 -> flipHorizontal(src, dst);
            case 3 -> rotated180(src, dst);
            case 4 -> flipVertical(src, dst);
            case 5 -> transposed(src, false, false, dst);
            case 6 -> transposed(src, false, true, dst);
            case 7 -> transposed(src, true, true, dst);
            case 8 -> transposed(src, true, false, dst);
            default -> {
                System.arraycopy(src.rgb(), 0, dst, 0, dst.length);
                yield new RgbImage(src.width(), src.height(), dst);
            }
        };
    }

    /** Both flips at once: the whole pixel sequence reversed. */
    private static RgbImage rotated180(RgbImage src, byte[] dst) {
        reversePixelRows(src.rgb(), dst, src.width() * src.height(), 1);
        return new RgbImage(src.width(), src.height(), dst);
    }

    /**
     * Output (x', y') of size h x w takes input (x = y' or w-1-y', y = x' or h-1-x'): transpose
     * (5), rotate 90 clockwise (6), transverse (7), rotate 90 counter-clockwise (8).
     */
    private static RgbImage transposed(RgbImage src, boolean mirrorX, boolean mirrorY, byte[] out) {
        int w = src.width();
        int h = src.height();
        byte[] in = src.rgb();
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

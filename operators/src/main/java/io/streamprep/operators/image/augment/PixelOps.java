package io.streamprep.operators.image.augment;

import io.streamprep.operators.image.Geometry;
import io.streamprep.operators.image.Resampler;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.operators.image.VectorKernels;
import io.streamprep.operators.image.VectorSupport;
import java.util.SplittableRandom;

/**
 * The image augmentation operators, each a pure function on {@link RgbImage} byte arrays (no
 * per-pixel {@code BufferedImage} calls). Geometric operators keep the image size; uncovered areas
 * are filled with the background colour. Flips are in {@link
 * io.streamprep.operators.image.Geometry}.
 *
 * <p>Every operator comes in two forms with byte-identical output: one returning a new array, and
 * one writing into a caller's {@code dst} of the image's length (every byte overwritten, so it may
 * hold anything before) and returning the image over it. Reusing destinations keeps the written
 * memory in cache: a fresh Java array is zeroed, young-generation memory not touched recently.
 * {@code src} is never modified; {@code dst} must not be {@code src}'s own array ({@link
 * RgbImage#checkDestination}, IllegalArgumentException).
 */
public final class PixelOps {

    static final int BLUR_BITS = 12;

    private static final ThreadLocal<int[]> PACKED = new ThreadLocal<>();

    private PixelOps() {}

    /**
     * Rotates about the centre by {@code degrees} (counter-clockwise), bilinear, same size. Exact
     * multiples of 90 degrees (of 180 for non-square images) are lossless pixel copies; other
     * angles map each output pixel back into the source in 16.16 fixed point and interpolate with
     * 8-bit fractions (OpenCV's warpAffine uses 5 bits), in integers only.
     */
    public static RgbImage rotate(RgbImage src, double degrees, int background) {
        if (quarterTurns(degrees) == 0) {
            return src;
        }
        return rotate(src, degrees, background, new byte[src.rgb().length]);
    }

    /**
     * {@link #rotate(RgbImage, double, int)} written into {@code dst} (a multiple of 360 degrees
     * copies the source).
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage rotate(RgbImage src, double degrees, int background, byte[] dst) {
        return rotate(src, degrees, background, dst, VectorSupport.wideBytePermutes());
    }

    /** {@link #rotate(RgbImage, double, int, byte[])} with or without the SIMD kernel. */
    static RgbImage rotate(
            RgbImage src, double degrees, int background, byte[] dst, boolean simdAllowed) {
        src.checkDestination(dst);
        int w = src.width();
        int h = src.height();
        int quarter = quarterTurns(degrees);
        if (quarter == 0) {
            return Geometry.upright(src, 1, dst);
        }
        if (quarter == 2) {
            return Geometry.upright(src, 3, dst);
        }
        if (quarter > 0 && w == h) {
            return Geometry.upright(src, quarter == 1 ? 8 : 6, dst);
        }
        int row = w * 3;
        byte[] in = src.rgb();
        byte[] out = dst;
        byte bgR = (byte) (background >>> 16);
        byte bgG = (byte) (background >>> 8);
        byte bgB = (byte) background;
        double rad = Math.toRadians(degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        long one = 1L << 16;
        long stepX = Math.round(cos * one);
        long stepY = Math.round(sin * one);
        long maxX = (long) (w - 1) << 16;
        long maxY = (long) (h - 1) << 16;
        int lastX = w - 1;
        int lastY = h - 1;
        // Source positions in 16.16 fixed point fit in an int below 32768 pixels.
        boolean simd = simdAllowed && w < 32768 && h < 32768;
        int[] packed = null;
        int[] index = null;
        if (simd) {
            // One row and one pixel more: the kernel reads the right and lower neighbours of the
            // last column and row, with weight zero.
            packed = packedScratch(w * h + w + 1);
            index = new int[16 + 32 * (w / 16 + 1)];
            VectorKernels.packPixels(in, w * h, packed);
        }
        for (int y = 0; y < h; y++) {
            double dy = y - cy;
            // Inverse mapping: where in the source does output pixel (0, y) come from? Each step
            // in x then moves by (cos, sin) in the source.
            long sx = Math.round((-cos * cx - sin * dy + cx) * one);
            long sy = Math.round((-sin * cx + cos * dy + cy) * one);
            // The covered outputs of a row are one run [from, to): the source positions lie
            // on a line, the source is convex. Outside it, background without per-pixel tests.
            int from = covered(sx, sy, stepX, stepY, maxX, maxY, w, false);
            int to = from == w ? w : covered(sx, sy, stepX, stepY, maxX, maxY, w, true);
            int d = y * row;
            for (int end = d + from * 3; d < end; d += 3) {
                out[d] = bgR;
                out[d + 1] = bgG;
                out[d + 2] = bgB;
            }
            sx += from * stepX;
            sy += from * stepY;
            int x = from;
            int n = to - from;
            // Groups of 16, the last one ending at 'to' and overlapping the one before (the same
            // values again), so no pixel is left to the scalar loop. Each group's 64-byte store
            // spills 16 bytes into pixels written after it.
            if (simd && n >= 16 && d + 3 * (n - 16) + 64 <= out.length) {
                VectorKernels.rotateGroups(
                        packed,
                        w,
                        (int) sx,
                        (int) sy,
                        (int) stepX,
                        (int) stepY,
                        n / 16,
                        out,
                        d,
                        index);
                if (n % 16 != 0) {
                    VectorKernels.rotateGroups(
                            packed,
                            w,
                            (int) (sx + (n - 16) * stepX),
                            (int) (sy + (n - 16) * stepY),
                            (int) stepX,
                            (int) stepY,
                            1,
                            out,
                            d + 3 * (n - 16),
                            index);
                }
                x = to;
                sx += n * stepX;
                sy += n * stepY;
                d += 3 * n;
            }
            for (; x < to; x++, sx += stepX, sy += stepY, d += 3) {
                // Positions rounded to 1/256 pixel, then split into pixel and fraction.
                int px = (int) ((sx + 128) >> 8);
                int py = (int) ((sy + 128) >> 8);
                int fx = px & 0xFF;
                int fy = py & 0xFF;
                int x0 = px >> 8;
                int y0 = py >> 8;
                int a = y0 * row + x0 * 3;
                // On the last column (row) the fraction is zero: the right (lower) neighbour
                // is then the pixel itself, so no read goes past the image.
                int b = a + (x0 < lastX ? 3 : 0);
                int c = a + (y0 < lastY ? row : 0);
                int e = c + (b - a);
                int w11 = fx * fy;
                int w10 = (fy << 8) - w11;
                int w01 = (fx << 8) - w11;
                int w00 = 65536 - w10 - w01 - w11;
                out[d] =
                        (byte)
                                (((in[a] & 0xFF) * w00
                                                + (in[b] & 0xFF) * w01
                                                + (in[c] & 0xFF) * w10
                                                + (in[e] & 0xFF) * w11
                                                + 32768)
                                        >>> 16);
                out[d + 1] =
                        (byte)
                                (((in[a + 1] & 0xFF) * w00
                                                + (in[b + 1] & 0xFF) * w01
                                                + (in[c + 1] & 0xFF) * w10
                                                + (in[e + 1] & 0xFF) * w11
                                                + 32768)
                                        >>> 16);
                out[d + 2] =
                        (byte)
                                (((in[a + 2] & 0xFF) * w00
                                                + (in[b + 2] & 0xFF) * w01
                                                + (in[c + 2] & 0xFF) * w10
                                                + (in[e + 2] & 0xFF) * w11
                                                + 32768)
                                        >>> 16);
            }
            for (int end = (y + 1) * row; d < end; d += 3) {
                out[d] = bgR;
                out[d + 1] = bgG;
                out[d + 2] = bgB;
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * This thread's array for a packed copy of the source pixels, reused across calls: a fresh
     * array per rotation would be as much zeroed memory as the image.
     */
    private static int[] packedScratch(int pixels) {
        int[] packed = PACKED.get();
        if (packed == null || packed.length < pixels) {
            packed = new int[pixels];
            PACKED.set(packed);
        }
        return packed;
    }

    /** 0..3 for a whole number of quarter turns (counter-clockwise), otherwise -1. */
    private static int quarterTurns(double degrees) {
        double turns = degrees / 90;
        return turns == Math.rint(turns) ? (int) Math.floorMod((long) turns, 4L) : -1;
    }

    private static boolean inside(long sx, long sy, long maxX, long maxY) {
        return sx >= 0 && sy >= 0 && sx <= maxX && sy <= maxY;
    }

    /**
     * The first x in 0..w whose source position {@code (sx + x * stepX, sy + x * stepY)} is inside
     * (or, with {@code end}, the first x after the inside run), w if none: estimated in floating
     * point, then settled with the exact test, which holds on one run of x.
     */
    private static int covered(
            long sx, long sy, long stepX, long stepY, long maxX, long maxY, int w, boolean end) {
        double lo = 0;
        double hi = w - 1;
        for (int axis = 0; axis < 2; axis++) {
            long s = axis == 0 ? sx : sy;
            long step = axis == 0 ? stepX : stepY;
            long max = axis == 0 ? maxX : maxY;
            if (step == 0) {
                if (s < 0 || s > max) {
                    return w;
                }
                continue;
            }
            double a = (double) -s / step;
            double b = (double) (max - s) / step;
            lo = Math.max(lo, Math.min(a, b));
            hi = Math.min(hi, Math.max(a, b));
        }
        if (lo > hi + 1) {
            return w;
        }
        if (!end) {
            int x = (int) Math.max(0, Math.min(w, Math.ceil(lo)));
            while (x > 0 && inside(sx + (x - 1) * stepX, sy + (x - 1) * stepY, maxX, maxY)) {
                x--;
            }
            while (x < w && !inside(sx + x * stepX, sy + x * stepY, maxX, maxY)) {
                x++;
                if (x > hi + 2) {
                    return w;
                }
            }
            return x;
        }
        int x = (int) Math.max(0, Math.min(w, Math.floor(hi) + 1));
        while (x > 0 && !inside(sx + (x - 1) * stepX, sy + (x - 1) * stepY, maxX, maxY)) {
            x--;
        }
        while (x < w && inside(sx + x * stepX, sy + x * stepY, maxX, maxY)) {
            x++;
        }
        return x;
    }

    /** Cuts the rectangle and resizes it back to the image's size (random resized crop). */
    public static RgbImage resizedCrop(RgbImage src, double x, double y, double cw, double ch) {
        return resizedCrop(src, x, y, cw, ch, new byte[src.rgb().length]);
    }

    /**
     * {@link #resizedCrop(RgbImage, double, double, double, double)} written into {@code dst}.
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage resizedCrop(
            RgbImage src, double x, double y, double cw, double ch, byte[] dst) {
        src.checkDestination(dst);
        int w = src.width();
        int h = src.height();
        Resampler.resizeRegionInto(src, x, y, cw, ch, w, h, dst, 0, w * 3);
        return new RgbImage(w, h, dst);
    }

    /**
     * Zooms about the centre by {@code factor} (> 1 zooms in, < 1 zooms out onto the background),
     * same size.
     */
    public static RgbImage scale(RgbImage src, double factor, int background) {
        return scale(src, factor, background, new byte[src.rgb().length]);
    }

    /**
     * {@link #scale(RgbImage, double, int)} written into {@code dst}.
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage scale(RgbImage src, double factor, int background, byte[] dst) {
        src.checkDestination(dst);
        int w = src.width();
        int h = src.height();
        if (factor >= 1) {
            double cw = w / factor;
            double ch = h / factor;
            return resizedCrop(src, (w - cw) / 2, (h - ch) / 2, cw, ch, dst);
        }
        int sw = Math.max(1, (int) Math.round(w * factor));
        int sh = Math.max(1, (int) Math.round(h * factor));
        int ox = (w - sw) / 2;
        int oy = (h - sh) / 2;
        int row = w * 3;
        byte[] out = dst;
        // The shrunk image is written in place; only the margins around it get the background.
        Resampler.resizeRegionInto(src, 0, 0, w, h, sw, sh, out, (oy * w + ox) * 3, row);
        fill(out, 0, (oy * w + ox) * 3, background);
        for (int y = oy; y < oy + sh - 1; y++) {
            fill(out, y * row + (ox + sw) * 3, (y + 1) * row + ox * 3, background);
        }
        fill(out, ((oy + sh - 1) * w + ox + sw) * 3, out.length, background);
        return new RgbImage(w, h, out);
    }

    /** Sets the pixels of bytes {@code from..to} (whole pixels) to the colour. */
    private static void fill(byte[] out, int from, int to, int rgbColour) {
        if (from >= to) {
            return;
        }
        out[from] = (byte) (rgbColour >>> 16);
        out[from + 1] = (byte) (rgbColour >>> 8);
        out[from + 2] = (byte) rgbColour;
        // Doubling copies of the pixels set so far.
        for (int done = 3; done < to - from; done *= 2) {
            System.arraycopy(out, from, out, from + done, Math.min(done, to - from - done));
        }
    }

    /**
     * Colour jitter as in torchvision, in a fixed order: brightness, contrast (around the mean
     * grey), saturation (towards each pixel's grey), hue (a rotation of the chroma plane in YIQ
     * space, a linear stand-in for an HSV hue shift). The four steps compose into one affine map,
     * applied in a single pass and clamped once.
     *
     * @param hue shift in turns, [-0.5, 0.5]
     */
    public static RgbImage colourJitter(
            RgbImage src, double brightness, double contrast, double saturation, double hue) {
        return colourJitter(src, brightness, contrast, saturation, hue, new byte[src.rgb().length]);
    }

    /**
     * {@link #colourJitter(RgbImage, double, double, double, double)} written into {@code dst}.
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage colourJitter(
            RgbImage src,
            double brightness,
            double contrast,
            double saturation,
            double hue,
            byte[] dst) {
        src.checkDestination(dst);
        double[] m = identity();
        double[] t = new double[3];
        m = multiply(diagonal(brightness), m);
        double grey = meanGrey(src) * brightness;
        m = multiply(diagonal(contrast), m);
        for (int i = 0; i < 3; i++) {
            t[i] = t[i] * contrast + (1 - contrast) * grey;
        }
        double[] sat = saturationMatrix(saturation);
        m = multiply(sat, m);
        t = apply(sat, t);
        if (hue != 0) {
            double[] rot = hueMatrix(hue * 2 * Math.PI);
            m = multiply(rot, m);
            t = apply(rot, t);
        }
        return affine(src, m, t, dst);
    }

    /** Adds Gaussian noise of standard deviation {@code sigma} (pixel units) to every value. */
    public static RgbImage gaussianNoise(RgbImage src, double sigma, SplittableRandom random) {
        return gaussianNoise(src, sigma, random, new byte[src.rgb().length]);
    }

    /**
     * {@link #gaussianNoise(RgbImage, double, SplittableRandom)} written into {@code dst} (the same
     * draws from {@code random}, so the same bytes).
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage gaussianNoise(
            RgbImage src, double sigma, SplittableRandom random, byte[] dst) {
        src.checkDestination(dst);
        byte[] in = src.rgb();
        byte[] out = dst;
        for (int i = 0; i < in.length; i++) {
            out[i] = clamp((float) ((in[i] & 0xFF) + random.nextGaussian() * sigma));
        }
        return new RgbImage(src.width(), src.height(), out);
    }

    /**
     * Separable Gaussian blur, kernel radius ceil(3 sigma), edges clamped. Fixed point: the kernel
     * is {@value #BLUR_BITS}-bit integers summing exactly to one (so uniform areas stay unchanged),
     * the horizontal pass keeps 8 fractional bits and the vertical pass rounds once.
     */
    public static RgbImage gaussianBlur(RgbImage src, double sigma) {
        return gaussianBlur(src, sigma, new byte[src.rgb().length]);
    }

    /**
     * {@link #gaussianBlur(RgbImage, double)} written into {@code dst}.
     *
     * @return the image over {@code dst}
     * @throws IllegalArgumentException if {@code dst} has the wrong length or is {@code src}'s
     *     array
     */
    public static RgbImage gaussianBlur(RgbImage src, double sigma, byte[] dst) {
        src.checkDestination(dst);
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        int[] kernel = blurKernel(sigma, radius);
        int w = src.width();
        int h = src.height();
        if (VectorSupport.wideIntegerVectors()) {
            VectorKernels.gaussianBlur(src.rgb(), w, h, kernel, radius, BLUR_BITS, dst);
        } else {
            gaussianBlurScalar(src.rgb(), w, h, kernel, radius, dst);
        }
        return new RgbImage(w, h, dst);
    }

    /** The blur without SIMD (package-private for the tests). */
    static void gaussianBlurScalar(byte[] in, int w, int h, int[] kernel, int radius, byte[] dst) {
        int rowLen = w * 3;
        // Every vectorizable loop below indexes all its int arrays with the same i: JDK 17's
        // auto-vectorizer cannot prove that int arrays read at other offsets do not alias the
        // one written, and would fall back to scalar code (several times slower).
        // Horizontal results live in a ring of 2 * radius + 1 rows, the vertical window: a
        // whole-image intermediate would be four times the image in freshly allocated (cache
        // cold) memory.
        int window = 2 * radius + 1;
        int[][] ring = new int[Math.min(window, h)][rowLen];
        int[] padded = new int[(w + 2 * radius) * 3];
        int[] left = new int[rowLen];
        int[] right = new int[rowLen];
        int centre = kernel[radius];
        byte[] out = dst;
        int outRound = 1 << (BLUR_BITS + 7);
        int[] acc = new int[rowLen];
        int done = 0;
        for (int y = 0; y < h; y++) {
            for (int last = Math.min(h - 1, y + radius); done <= last; done++) {
                horizontal(
                        in,
                        done * rowLen,
                        kernel,
                        radius,
                        padded,
                        left,
                        right,
                        ring[done % ring.length]);
            }
            int[] mid = ring[y % ring.length];
            for (int i = 0; i < rowLen; i++) {
                acc[i] = outRound + centre * mid[i];
            }
            for (int k = 1; k <= radius; k++) {
                int wk = kernel[radius + k];
                // Rows beyond the edges are the edge rows, which the ring still holds: it
                // spans y - radius .. y + radius.
                int[] up = ring[Math.max(0, y - k) % ring.length];
                int[] down = ring[Math.min(h - 1, y + k) % ring.length];
                for (int i = 0; i < rowLen; i++) {
                    acc[i] += wk * (up[i] + down[i]);
                }
            }
            int row = y * rowLen;
            for (int i = 0; i < rowLen; i++) {
                out[row + i] = (byte) (acc[i] >> (BLUR_BITS + 8));
            }
        }
    }

    /** One row's horizontal pass, keeping 8 fractional bits, into {@code acc}. */
    private static void horizontal(
            byte[] in,
            int row,
            int[] kernel,
            int radius,
            int[] padded,
            int[] left,
            int[] right,
            int[] acc) {
        int rowLen = acc.length;
        int pad = radius * 3;
        // Edge pixels repeated into a padded row.
        for (int i = 0; i < rowLen; i++) {
            padded[pad + i] = in[row + i] & 0xFF;
        }
        for (int p = 0; p < pad; p += 3) {
            for (int c = 0; c < 3; c++) {
                padded[p + c] = in[row + c] & 0xFF;
                padded[pad + rowLen + p + c] = in[row + rowLen - 3 + c] & 0xFF;
            }
        }
        int centre = kernel[radius];
        int tmpRound = 1 << (BLUR_BITS - 9);
        System.arraycopy(padded, pad, left, 0, rowLen);
        for (int i = 0; i < rowLen; i++) {
            acc[i] = tmpRound + centre * left[i];
        }
        // Symmetric kernel: the two taps at distance k share one multiply.
        for (int k = 1; k <= radius; k++) {
            int wk = kernel[radius + k];
            System.arraycopy(padded, pad - k * 3, left, 0, rowLen);
            System.arraycopy(padded, pad + k * 3, right, 0, rowLen);
            for (int i = 0; i < rowLen; i++) {
                acc[i] += wk * (left[i] + right[i]);
            }
        }
        for (int i = 0; i < rowLen; i++) {
            acc[i] >>= BLUR_BITS - 8;
        }
    }

    /** The Gaussian as {@value #BLUR_BITS}-bit integers, symmetric, summing exactly to one. */
    static int[] blurKernel(double sigma, int radius) {
        double[] real = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            real[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += real[i + radius];
        }
        int[] kernel = new int[real.length];
        int total = 0;
        for (int i = 0; i < real.length; i++) {
            kernel[i] = (int) Math.round(real[i] / sum * (1 << BLUR_BITS));
            total += kernel[i];
        }
        // The rounding residue goes to the centre tap, keeping the kernel symmetric.
        kernel[radius] += (1 << BLUR_BITS) - total;
        return kernel;
    }

    static byte clamp(float v) {
        int i = Math.round(v);
        return (byte) (i < 0 ? 0 : Math.min(i, 255));
    }

    private static RgbImage affine(RgbImage src, double[] m, double[] t, byte[] out) {
        return affine(src, m, t, out, VectorSupport.wideBytePermutes());
    }

    /** The colour map with or without the SIMD kernel (the same bytes either way). */
    static RgbImage affine(RgbImage src, double[] m, double[] t, byte[] out, boolean simd) {
        float m0 = (float) m[0], m1 = (float) m[1], m2 = (float) m[2];
        float m3 = (float) m[3], m4 = (float) m[4], m5 = (float) m[5];
        float m6 = (float) m[6], m7 = (float) m[7], m8 = (float) m[8];
        float t0 = (float) t[0], t1 = (float) t[1], t2 = (float) t[2];
        byte[] in = src.rgb();
        int from = 0;
        if (simd) {
            from =
                    3
                            * VectorKernels.colourAffine(
                                    in,
                                    out,
                                    new float[] {m0, m1, m2, m3, m4, m5, m6, m7, m8},
                                    new float[] {t0, t1, t2},
                                    new int[3 * VectorKernels.AFFINE_BLOCK]);
        }
        for (int i = from; i < in.length; i += 3) {
            float r = in[i] & 0xFF;
            float g = in[i + 1] & 0xFF;
            float b = in[i + 2] & 0xFF;
            out[i] = clamp(m0 * r + m1 * g + m2 * b + t0);
            out[i + 1] = clamp(m3 * r + m4 * g + m5 * b + t1);
            out[i + 2] = clamp(m6 * r + m7 * g + m8 * b + t2);
        }
        return new RgbImage(src.width(), src.height(), out);
    }

    private static double meanGrey(RgbImage src) {
        byte[] in = src.rgb();
        long sum = 0;
        for (int i = 0; i < in.length; i += 3) {
            sum += 299L * (in[i] & 0xFF) + 587L * (in[i + 1] & 0xFF) + 114L * (in[i + 2] & 0xFF);
        }
        return sum / 1000.0 / (in.length / 3);
    }

    private static double[] saturationMatrix(double s) {
        double r = 0.299 * (1 - s);
        double g = 0.587 * (1 - s);
        double b = 0.114 * (1 - s);
        return new double[] {r + s, g, b, r, g + s, b, r, g, b + s};
    }

    private static double[] hueMatrix(double angle) {
        // RGB -> YIQ, rotate I/Q by the angle, YIQ -> RGB.
        double[] toYiq = {0.299, 0.587, 0.114, 0.596, -0.274, -0.322, 0.211, -0.523, 0.312};
        double[] fromYiq = {1, 0.956, 0.621, 1, -0.272, -0.647, 1, -1.106, 1.703};
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] rot = {1, 0, 0, 0, c, -s, 0, s, c};
        return multiply(fromYiq, multiply(rot, toYiq));
    }

    private static double[] identity() {
        return diagonal(1);
    }

    private static double[] diagonal(double d) {
        return new double[] {d, 0, 0, 0, d, 0, 0, 0, d};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return c;
    }

    private static double[] apply(double[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]
        };
    }
}

package io.streamprep.operators.image.augment;

import io.streamprep.operators.image.Resampler;
import io.streamprep.operators.image.RgbImage;
import java.util.SplittableRandom;

/**
 * The image augmentation operators, each a pure function on {@link RgbImage} byte arrays (no
 * per-pixel {@code BufferedImage} calls). Geometric operators keep the image size; uncovered areas
 * are filled with the background colour. Flips are in {@link
 * io.streamprep.operators.image.Geometry}.
 */
public final class PixelOps {

    private PixelOps() {}

    /** Rotates about the centre by {@code degrees} (counter-clockwise), bilinear, same size. */
    public static RgbImage rotate(RgbImage src, double degrees, int background) {
        int w = src.width();
        int h = src.height();
        byte[] in = src.rgb();
        byte[] out = RgbImage.filled(w, h, background).rgb();
        double rad = Math.toRadians(degrees);
        float cos = (float) Math.cos(rad);
        float sin = (float) Math.sin(rad);
        float cx = (w - 1) / 2f;
        float cy = (h - 1) / 2f;
        for (int y = 0; y < h; y++) {
            float dy = y - cy;
            for (int x = 0; x < w; x++) {
                float dx = x - cx;
                // Inverse mapping: where in the source does this output pixel come from?
                float sx = cos * dx - sin * dy + cx;
                float sy = sin * dx + cos * dy + cy;
                if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) {
                    continue;
                }
                int x0 = (int) sx;
                int y0 = (int) sy;
                int x1 = Math.min(x0 + 1, w - 1);
                int y1 = Math.min(y0 + 1, h - 1);
                float fx = sx - x0;
                float fy = sy - y0;
                int d = (y * w + x) * 3;
                int a = (y0 * w + x0) * 3;
                int b = (y0 * w + x1) * 3;
                int c = (y1 * w + x0) * 3;
                int e = (y1 * w + x1) * 3;
                for (int k = 0; k < 3; k++) {
                    float top = (in[a + k] & 0xFF) * (1 - fx) + (in[b + k] & 0xFF) * fx;
                    float bottom = (in[c + k] & 0xFF) * (1 - fx) + (in[e + k] & 0xFF) * fx;
                    out[d + k] = clamp(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Cuts the rectangle and resizes it back to the image's size (random resized crop). */
    public static RgbImage resizedCrop(RgbImage src, double x, double y, double cw, double ch) {
        return Resampler.resizeRegion(src, x, y, cw, ch, src.width(), src.height());
    }

    /**
     * Zooms about the centre by {@code factor} (> 1 zooms in, < 1 zooms out onto the background),
     * same size.
     */
    public static RgbImage scale(RgbImage src, double factor, int background) {
        int w = src.width();
        int h = src.height();
        if (factor >= 1) {
            double cw = w / factor;
            double ch = h / factor;
            return resizedCrop(src, (w - cw) / 2, (h - ch) / 2, cw, ch);
        }
        int sw = Math.max(1, (int) Math.round(w * factor));
        int sh = Math.max(1, (int) Math.round(h * factor));
        RgbImage small = Resampler.resize(src, sw, sh);
        byte[] out = RgbImage.filled(w, h, background).rgb();
        int ox = (w - sw) / 2;
        int oy = (h - sh) / 2;
        for (int y = 0; y < sh; y++) {
            System.arraycopy(small.rgb(), y * sw * 3, out, ((oy + y) * w + ox) * 3, sw * 3);
        }
        return new RgbImage(w, h, out);
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
        return affine(src, m, t);
    }

    /** Adds Gaussian noise of standard deviation {@code sigma} (pixel units) to every value. */
    public static RgbImage gaussianNoise(RgbImage src, double sigma, SplittableRandom random) {
        byte[] in = src.rgb();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = clamp((float) ((in[i] & 0xFF) + random.nextGaussian() * sigma));
        }
        return new RgbImage(src.width(), src.height(), out);
    }

    /** Separable Gaussian blur, kernel radius ceil(3 sigma), edges clamped. */
    public static RgbImage gaussianBlur(RgbImage src, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int w = src.width();
        int h = src.height();
        byte[] in = src.rgb();
        float[] tmp = new float[in.length];
        float[] padded = new float[(w + 2 * radius) * 3];
        for (int y = 0; y < h; y++) {
            int row = y * w * 3;
            // Edge pixels repeated into a padded row, so the inner loop needs no bounds checks.
            for (int x = -radius; x < w + radius; x++) {
                int s = row + Math.min(w - 1, Math.max(0, x)) * 3;
                int p = (x + radius) * 3;
                padded[p] = in[s] & 0xFF;
                padded[p + 1] = in[s + 1] & 0xFF;
                padded[p + 2] = in[s + 2] & 0xFF;
            }
            for (int i = 0; i < w * 3; i++) {
                float v = 0;
                for (int k = 0; k < kernel.length; k++) {
                    v += kernel[k] * padded[i + k * 3];
                }
                tmp[row + i] = v;
            }
        }
        byte[] out = new byte[in.length];
        int rowLen = w * 3;
        float[] acc = new float[rowLen];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(acc, 0f);
            for (int k = -radius; k <= radius; k++) {
                int from = Math.min(h - 1, Math.max(0, y + k)) * rowLen;
                float wk = kernel[k + radius];
                for (int i = 0; i < rowLen; i++) {
                    acc[i] += wk * tmp[from + i];
                }
            }
            for (int i = 0; i < rowLen; i++) {
                out[y * rowLen + i] = clamp(acc[i]);
            }
        }
        return new RgbImage(w, h, out);
    }

    static byte clamp(float v) {
        int i = Math.round(v);
        return (byte) (i < 0 ? 0 : Math.min(i, 255));
    }

    private static RgbImage affine(RgbImage src, double[] m, double[] t) {
        float m0 = (float) m[0], m1 = (float) m[1], m2 = (float) m[2];
        float m3 = (float) m[3], m4 = (float) m[4], m5 = (float) m[5];
        float m6 = (float) m[6], m7 = (float) m[7], m8 = (float) m[8];
        float t0 = (float) t[0], t1 = (float) t[1], t2 = (float) t[2];
        byte[] in = src.rgb();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += 3) {
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

package io.streamprep.operators.image;

/**
 * Separable resampling with a triangle (bilinear) filter widened by the scale factor when
 * shrinking, so downscaling averages every source pixel (antialiasing, like PIL's BILINEAR or
 * OpenCV's INTER_AREA) and upscaling interpolates. Works directly on the byte arrays in fixed
 * point: weights are {@value #WEIGHT_BITS}-bit integers summing exactly to one (so uniform areas
 * and 1:1 copies come out unchanged), the horizontal pass keeps 8 fractional bits, the vertical
 * pass rounds once at the end. Integer arithmetic makes the result identical on every JVM.
 */
public final class Resampler {

    static final int WEIGHT_BITS = 14;
    private static final int TMP_SHIFT = WEIGHT_BITS - 8;
    private static final int OUT_SHIFT = WEIGHT_BITS + 8;

    private Resampler() {}

    /** Resizes the whole image to {@code outW x outH}. */
    public static RgbImage resize(RgbImage src, int outW, int outH) {
        return resizeRegion(src, 0, 0, src.width(), src.height(), outW, outH);
    }

    /**
     * Resizes the source rectangle at ({@code x0}, {@code y0}) of size {@code w x h} (in source
     * pixels, fractional allowed) to {@code outW x outH}. Resize-then-crop in one pass: only the
     * pixels that reach the output are computed.
     */
    public static RgbImage resizeRegion(
            RgbImage src, double x0, double y0, double w, double h, int outW, int outH) {
        Weights horizontal = Weights.of(src.width(), x0, w / outW, outW);
        Weights vertical = Weights.of(src.height(), y0, h / outH, outH);
        int srcW = src.width();
        byte[] in = src.rgb();
        int rowsFrom = vertical.minIndex();
        int rowsTo = vertical.maxIndex();
        int rowLen = outW * 3;
        // Rows as separate arrays: the vertical pass then indexes all its int arrays with the
        // same i, which JDK 17's auto-vectorizer needs (it cannot prove that offsets into one
        // int array do not alias another).
        int[][] tmp = new int[rowsTo - rowsFrom + 1][rowLen];
        for (int y = rowsFrom; y <= rowsTo; y++) {
            int srcRow = y * srcW * 3;
            if (horizontal.maxCount() <= 2) {
                twoTaps(in, srcRow, horizontal, tmp[y - rowsFrom], outW);
            } else {
                anyTaps(in, srcRow, horizontal, tmp[y - rowsFrom], outW);
            }
        }
        byte[] out = new byte[outH * rowLen];
        int[] acc = new int[rowLen];
        int round = 1 << (OUT_SHIFT - 1);
        for (int y = 0; y < outH; y++) {
            int first = vertical.start[y] - rowsFrom;
            int off = vertical.offset[y];
            int n = vertical.count[y];
            int[] row = tmp[first];
            int w0 = vertical.weight[off];
            for (int i = 0; i < rowLen; i++) {
                acc[i] = round + w0 * row[i];
            }
            for (int k = 1; k < n; k++) {
                int wk = vertical.weight[off + k];
                row = tmp[first + k];
                for (int i = 0; i < rowLen; i++) {
                    acc[i] += wk * row[i];
                }
            }
            // Weights are non-negative and sum to one, so the result is within 0..255.
            int dst = y * rowLen;
            for (int i = 0; i < rowLen; i++) {
                out[dst + i] = (byte) (acc[i] >> OUT_SHIFT);
            }
        }
        return new RgbImage(outW, outH, out);
    }

    private static void anyTaps(byte[] in, int srcRow, Weights h, int[] tmp, int outW) {
        int[] start = h.start;
        int[] count = h.count;
        int[] offset = h.offset;
        int[] weight = h.weight;
        int round = 1 << (TMP_SHIFT - 1);
        for (int x = 0, t = 0; x < outW; x++, t += 3) {
            int s = srcRow + start[x] * 3;
            int off = offset[x];
            int end = off + count[x];
            int r = round;
            int g = round;
            int b = round;
            for (int k = off; k < end; k++, s += 3) {
                int wk = weight[k];
                r += wk * (in[s] & 0xFF);
                g += wk * (in[s + 1] & 0xFF);
                b += wk * (in[s + 2] & 0xFF);
            }
            tmp[t] = r >> TMP_SHIFT;
            tmp[t + 1] = g >> TMP_SHIFT;
            tmp[t + 2] = b >> TMP_SHIFT;
        }
    }

    /** Upscaling and mild downscaling: at most two taps, so no inner loop. */
    private static void twoTaps(byte[] in, int srcRow, Weights h, int[] tmp, int outW) {
        int[] start = h.start;
        int[] count = h.count;
        int[] offset = h.offset;
        int[] weight = h.weight;
        int round = 1 << (TMP_SHIFT - 1);
        for (int x = 0, t = 0; x < outW; x++, t += 3) {
            int a = srcRow + start[x] * 3;
            int off = offset[x];
            int w0 = weight[off];
            // A single tap has weight one: its second "tap" is itself with weight zero.
            int w1 = count[x] == 2 ? weight[off + 1] : 0;
            int b = count[x] == 2 ? a + 3 : a;
            tmp[t] = (w0 * (in[a] & 0xFF) + w1 * (in[b] & 0xFF) + round) >> TMP_SHIFT;
            tmp[t + 1] = (w0 * (in[a + 1] & 0xFF) + w1 * (in[b + 1] & 0xFF) + round) >> TMP_SHIFT;
            tmp[t + 2] = (w0 * (in[a + 2] & 0xFF) + w1 * (in[b + 2] & 0xFF) + round) >> TMP_SHIFT;
        }
    }

    /** Per output index: the first source index, how many, and their normalized weights. */
    private record Weights(int[] start, int[] count, int[] offset, int[] weight, int maxCount) {

        static Weights of(int srcLen, double origin, double scale, int outLen) {
            double support = Math.max(scale, 1.0);
            int maxTaps = (int) Math.ceil(support) * 2 + 2;
            int[] start = new int[outLen];
            int[] count = new int[outLen];
            int[] offset = new int[outLen];
            double[] real = new double[maxTaps];
            int[] weight = new int[outLen * maxTaps];
            for (int i = 0; i < outLen; i++) {
                double centre = origin + (i + 0.5) * scale;
                int from = Math.max(0, (int) Math.floor(centre - support));
                int to = Math.min(srcLen - 1, (int) Math.ceil(centre + support));
                double sum = 0;
                int n = 0;
                offset[i] = i * maxTaps;
                for (int j = from; j <= to && n < maxTaps; j++) {
                    double t = 1.0 - Math.abs((j + 0.5 - centre) / support);
                    if (t > 0) {
                        if (n == 0) {
                            start[i] = j;
                        }
                        real[n] = t;
                        sum += t;
                        n++;
                    } else if (n > 0) {
                        break;
                    }
                }
                if (n == 0) {
                    start[i] = Math.min(srcLen - 1, Math.max(0, (int) Math.floor(centre)));
                    real[0] = 1;
                    n = 1;
                    sum = 1;
                }
                // Rounded to integers; the rounding residue goes to the largest tap, so the
                // weights sum exactly to one.
                int total = 0;
                int largest = 0;
                for (int k = 0; k < n; k++) {
                    int wk = (int) Math.round(real[k] / sum * (1 << WEIGHT_BITS));
                    weight[offset[i] + k] = wk;
                    total += wk;
                    if (wk > weight[offset[i] + largest]) {
                        largest = k;
                    }
                }
                weight[offset[i] + largest] += (1 << WEIGHT_BITS) - total;
                count[i] = n;
            }
            int maxCount = 0;
            for (int c : count) {
                maxCount = Math.max(maxCount, c);
            }
            return new Weights(start, count, offset, weight, maxCount);
        }

        int minIndex() {
            int min = Integer.MAX_VALUE;
            for (int s : start) {
                min = Math.min(min, s);
            }
            return min;
        }

        int maxIndex() {
            int max = 0;
            for (int i = 0; i < start.length; i++) {
                max = Math.max(max, start[i] + count[i] - 1);
            }
            return max;
        }
    }
}

package io.streamprep.operators.image;

/**
 * Separable resampling with a triangle (bilinear) filter widened by the scale factor when
 * shrinking, so downscaling averages every source pixel (antialiasing, like PIL's BILINEAR or
 * OpenCV's INTER_AREA) and upscaling interpolates. Works directly on the byte arrays in fixed
 * point: weights are {@value #WEIGHT_BITS}-bit integers summing exactly to one (so uniform areas
 * and 1:1 copies come out unchanged), the vertical pass keeps 8 fractional bits, the horizontal
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
        byte[] in = src.rgb();
        int srcRow = src.width() * 3;
        int colFrom = horizontal.minIndex();
        int cols = (horizontal.maxIndex() - colFrom + 1) * 3;
        // Vertical pass first, over just the columns the output needs: it is the pass the JIT
        // vectorizes, so it takes the larger share of work when shrinking. Source rows are
        // widened to int once each, into a ring as large as the filter's window.
        int ringSize = vertical.maxCount();
        int[][] ring = new int[ringSize][cols];
        int[] ringRow = new int[ringSize];
        java.util.Arrays.fill(ringRow, -1);
        int[] acc = new int[cols];
        int rowLen = outW * 3;
        byte[] out = new byte[outH * rowLen];
        for (int y = 0; y < outH; y++) {
            int first = vertical.start[y];
            int off = vertical.offset[y];
            int n = vertical.count[y];
            // Every loop indexes all its int arrays with the same i: JDK 17's auto-vectorizer
            // cannot prove that offsets into one int array do not alias another.
            int[] row = widened(in, first * srcRow + colFrom * 3, first, ring, ringRow);
            int w0 = vertical.weight[off];
            int round = 1 << (TMP_SHIFT - 1);
            for (int i = 0; i < cols; i++) {
                acc[i] = round + w0 * row[i];
            }
            for (int k = 1; k < n; k++) {
                int j = first + k;
                row = widened(in, j * srcRow + colFrom * 3, j, ring, ringRow);
                int wk = vertical.weight[off + k];
                for (int i = 0; i < cols; i++) {
                    acc[i] += wk * row[i];
                }
            }
            for (int i = 0; i < cols; i++) {
                acc[i] >>= TMP_SHIFT;
            }
            if (horizontal.maxCount() <= 2) {
                twoTaps(acc, colFrom, horizontal, out, y * rowLen, outW);
            } else {
                anyTaps(acc, colFrom, horizontal, out, y * rowLen, outW);
            }
        }
        return new RgbImage(outW, outH, out);
    }

    /** Source row {@code j}'s needed columns as ints, from the ring or widened into it. */
    private static int[] widened(byte[] in, int from, int j, int[][] ring, int[] ringRow) {
        int slot = j % ring.length;
        int[] row = ring[slot];
        if (ringRow[slot] != j) {
            for (int i = 0; i < row.length; i++) {
                row[i] = in[from + i] & 0xFF;
            }
            ringRow[slot] = j;
        }
        return row;
    }

    private static void anyTaps(int[] tmp, int colFrom, Weights h, byte[] out, int d, int outW) {
        int[] start = h.start;
        int[] count = h.count;
        int[] offset = h.offset;
        int[] weight = h.weight;
        int round = 1 << (OUT_SHIFT - 1);
        for (int x = 0; x < outW; x++, d += 3) {
            int s = (start[x] - colFrom) * 3;
            int off = offset[x];
            int end = off + count[x];
            int r = round;
            int g = round;
            int b = round;
            for (int k = off; k < end; k++, s += 3) {
                int wk = weight[k];
                r += wk * tmp[s];
                g += wk * tmp[s + 1];
                b += wk * tmp[s + 2];
            }
            // Weights are non-negative and sum to one, so the results are within 0..255.
            out[d] = (byte) (r >> OUT_SHIFT);
            out[d + 1] = (byte) (g >> OUT_SHIFT);
            out[d + 2] = (byte) (b >> OUT_SHIFT);
        }
    }

    /** Upscaling and mild downscaling: at most two taps, so no inner loop. */
    private static void twoTaps(int[] tmp, int colFrom, Weights h, byte[] out, int d, int outW) {
        int[] start = h.start;
        int[] count = h.count;
        int[] offset = h.offset;
        int[] weight = h.weight;
        int round = 1 << (OUT_SHIFT - 1);
        for (int x = 0; x < outW; x++, d += 3) {
            int a = (start[x] - colFrom) * 3;
            int off = offset[x];
            int w0 = weight[off];
            // A single tap has weight one: its second "tap" is itself with weight zero.
            int w1 = count[x] == 2 ? weight[off + 1] : 0;
            int b = count[x] == 2 ? a + 3 : a;
            out[d] = (byte) ((w0 * tmp[a] + w1 * tmp[b] + round) >> OUT_SHIFT);
            out[d + 1] = (byte) ((w0 * tmp[a + 1] + w1 * tmp[b + 1] + round) >> OUT_SHIFT);
            out[d + 2] = (byte) ((w0 * tmp[a + 2] + w1 * tmp[b + 2] + round) >> OUT_SHIFT);
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

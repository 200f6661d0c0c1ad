package io.streamprep.operators.image;

/**
 * Separable resampling with a triangle (bilinear) filter widened by the scale factor when
 * shrinking, so downscaling averages every source pixel (antialiasing, like PIL's BILINEAR or
 * OpenCV's INTER_AREA) and upscaling interpolates. Works directly on the byte arrays in fixed
 * point: weights are {@value #WEIGHT_BITS}-bit integers summing exactly to one (so uniform areas
 * and 1:1 copies come out unchanged), the first pass keeps 8 fractional bits, the second pass
 * rounds once at the end. Integer arithmetic makes the result identical on every JVM. Shrinking
 * runs the vertical pass first, vertical upscaling the horizontal one, so the per-pixel gather of
 * horizontal taps runs over the fewer rows; the two orders round differently (one level apart in
 * about 0.1% of values), each deterministically.
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
        byte[] out = new byte[outW * outH * 3];
        resizeRegionInto(src, x0, y0, w, h, outW, outH, out, 0, outW * 3);
        return new RgbImage(outW, outH, out);
    }

    /**
     * {@link #resizeRegion} written into {@code out}: output row {@code y} starts at byte {@code
     * offset + y * stride}; nothing else in {@code out} is touched.
     */
    public static void resizeRegionInto(
            RgbImage src,
            double x0,
            double y0,
            double w,
            double h,
            int outW,
            int outH,
            byte[] out,
            int offset,
            int stride) {
        resizeRegionInto(
                src,
                x0,
                y0,
                w,
                h,
                outW,
                outH,
                out,
                offset,
                stride,
                VectorSupport.wideBytePermutes());
    }

    /** {@link #resizeRegionInto} with or without the SIMD kernels (the same bytes either way). */
    static void resizeRegionInto(
            RgbImage src,
            double x0,
            double y0,
            double w,
            double h,
            int outW,
            int outH,
            byte[] out,
            int offset,
            int stride,
            boolean simd) {
        Weights horizontal = Weights.of(src.width(), x0, w / outW, outW);
        Weights vertical = Weights.of(src.height(), y0, h / outH, outH);
        // The vertical pass is vectorized over whole rows; the horizontal one gathers taps per
        // output pixel, the expensive part. Vertical-first runs it on the outH output rows,
        // horizontal-first on the source rows the vertical taps need: pick the fewer.
        if (vertical.maxIndex - vertical.minIndex + 1 < outH) {
            horizontalFirst(src, horizontal, vertical, outW, outH, out, offset, stride, simd);
        } else {
            verticalFirst(src, horizontal, vertical, outW, outH, out, offset, stride, simd);
        }
    }

    private static void verticalFirst(
            RgbImage src,
            Weights horizontal,
            Weights vertical,
            int outW,
            int outH,
            byte[] out,
            int offset,
            int stride,
            boolean simd) {
        byte[] in = src.rgb();
        int srcRow = src.width() * 3;
        int colFrom = horizontal.minIndex;
        int cols = (horizontal.maxIndex - colFrom + 1) * 3;
        // Source rows are widened to int once each, into a ring as large as the filter's window,
        // with room after the last column for the zero-weight taps of the padded weight table.
        int ringSize = vertical.taps;
        int[][] ring = new int[ringSize][cols];
        int[] ringRow = new int[ringSize];
        java.util.Arrays.fill(ringRow, -1);
        int[] acc = new int[cols + horizontal.taps * 3];
        int round = 1 << (TMP_SHIFT - 1);
        int[] first = horizontal.first(colFrom);
        VectorKernels.TwoTapRows plan =
                simd && horizontal.taps == 2
                        ? new VectorKernels.TwoTapRows(first, horizontal.weight, outW)
                        : null;
        for (int y = 0; y < outH; y++) {
            int start = vertical.start[y];
            int off = y * vertical.taps;
            int n = vertical.count[y];
            // Every loop indexes all its int arrays with the same i: JDK 17's auto-vectorizer
            // cannot prove that offsets into one int array do not alias another.
            int[] row = widened(in, start * srcRow + colFrom * 3, start, ring, ringRow, simd);
            int w0 = vertical.weight[off];
            if (n == 2) {
                int[] next =
                        widened(
                                in,
                                (start + 1) * srcRow + colFrom * 3,
                                start + 1,
                                ring,
                                ringRow,
                                simd);
                int w1 = vertical.weight[off + 1];
                for (int i = 0; i < cols; i++) {
                    acc[i] = (round + w0 * row[i] + w1 * next[i]) >> TMP_SHIFT;
                }
            } else {
                for (int i = 0; i < cols; i++) {
                    acc[i] = round + w0 * row[i];
                }
                for (int k = 1; k < n; k++) {
                    int j = start + k;
                    row = widened(in, j * srcRow + colFrom * 3, j, ring, ringRow, simd);
                    int wk = vertical.weight[off + k];
                    for (int i = 0; i < cols; i++) {
                        acc[i] += wk * row[i];
                    }
                }
                for (int i = 0; i < cols; i++) {
                    acc[i] >>= TMP_SHIFT;
                }
            }
            if (plan != null) {
                plan.resample(acc, 1 << (OUT_SHIFT - 1), OUT_SHIFT, out, offset + y * stride);
            } else {
                gatherBytes(acc, first, horizontal, out, offset + y * stride, outW);
            }
        }
    }

    private static void horizontalFirst(
            RgbImage src,
            Weights horizontal,
            Weights vertical,
            int outW,
            int outH,
            byte[] out,
            int offset,
            int stride,
            boolean simd) {
        byte[] in = src.rgb();
        int srcW = src.width();
        int colFrom = horizontal.minIndex;
        int cols = (horizontal.maxIndex - colFrom + 1) * 3;
        int[] first = horizontal.first(colFrom);
        int rowLen = outW * 3;
        // Horizontally resampled source rows, each computed once, in a ring as large as the
        // vertical window.
        int ringSize = vertical.taps;
        int[][] ring = new int[ringSize][rowLen];
        int[] ringRow = new int[ringSize];
        java.util.Arrays.fill(ringRow, -1);
        int[] wide = new int[cols + horizontal.taps * 3];
        int[] acc = new int[rowLen];
        int round = 1 << (OUT_SHIFT - 1);
        VectorKernels.TwoTapRows plan =
                simd && horizontal.taps == 2
                        ? new VectorKernels.TwoTapRows(first, horizontal.weight, outW)
                        : null;
        for (int y = 0; y < outH; y++) {
            int start = vertical.start[y];
            int off = y * vertical.taps;
            int n = vertical.count[y];
            int d = offset + y * stride;
            int[] row =
                    resampledRow(
                            in, srcW, start, colFrom, wide, first, horizontal, ring, ringRow, plan);
            int w0 = vertical.weight[off];
            if (n == 1) {
                for (int i = 0; i < rowLen; i++) {
                    acc[i] = (round + w0 * row[i]) >> OUT_SHIFT;
                }
            } else if (n == 2) {
                int[] next =
                        resampledRow(
                                in,
                                srcW,
                                start + 1,
                                colFrom,
                                wide,
                                first,
                                horizontal,
                                ring,
                                ringRow,
                                plan);
                int w1 = vertical.weight[off + 1];
                if (simd) {
                    VectorKernels.blendToBytes(row, next, w0, w1, round, OUT_SHIFT, out, d, rowLen);
                    continue;
                }
                for (int i = 0; i < rowLen; i++) {
                    acc[i] = (round + w0 * row[i] + w1 * next[i]) >> OUT_SHIFT;
                }
            } else {
                for (int i = 0; i < rowLen; i++) {
                    acc[i] = round + w0 * row[i];
                }
                for (int k = 1; k < n; k++) {
                    row =
                            resampledRow(
                                    in,
                                    srcW,
                                    start + k,
                                    colFrom,
                                    wide,
                                    first,
                                    horizontal,
                                    ring,
                                    ringRow,
                                    plan);
                    int wk = vertical.weight[off + k];
                    for (int i = 0; i < rowLen; i++) {
                        acc[i] += wk * row[i];
                    }
                }
                for (int i = 0; i < rowLen; i++) {
                    acc[i] >>= OUT_SHIFT;
                }
            }
            if (simd) {
                VectorKernels.narrow(acc, out, d, rowLen);
                continue;
            }
            // Narrowing in a loop of its own: JDK 17 vectorizes no int-to-byte loop, and a plain
            // scalar copy is about twice as fast as the same arithmetic ending in a byte store.
            for (int i = 0; i < rowLen; i++) {
                out[d + i] = (byte) acc[i];
            }
        }
    }

    /**
     * Source row {@code j} resampled horizontally (8 fractional bits), from the ring or into it.
     */
    private static int[] resampledRow(
            byte[] in,
            int srcW,
            int j,
            int colFrom,
            int[] wide,
            int[] first,
            Weights h,
            int[][] ring,
            int[] ringRow,
            VectorKernels.TwoTapRows plan) {
        int slot = j % ring.length;
        int[] row = ring[slot];
        if (ringRow[slot] == j) {
            return row;
        }
        ringRow[slot] = j;
        if (plan != null) {
            // The plan's fixed point is this one: 8 fractional bits from 14-bit weights.
            plan.resample(in, (j * srcW + colFrom) * 3, row);
            return row;
        }
        int from = (j * srcW + colFrom) * 3;
        int cols = (h.maxIndex - colFrom + 1) * 3;
        for (int i = 0; i < cols; i++) {
            wide[i] = in[from + i] & 0xFF;
        }
        gatherInts(wide, first, h, row);
        return row;
    }

    /** Source row {@code j}'s needed columns as ints, from the ring or widened into it. */
    private static int[] widened(
            byte[] in, int from, int j, int[][] ring, int[] ringRow, boolean simd) {
        int slot = j % ring.length;
        int[] row = ring[slot];
        if (ringRow[slot] != j) {
            if (simd) {
                VectorKernels.widen(in, from, row, row.length);
            } else {
                for (int i = 0; i < row.length; i++) {
                    row[i] = in[from + i] & 0xFF;
                }
            }
            ringRow[slot] = j;
        }
        return row;
    }

    /**
     * Horizontal taps from {@code tmp} (8 fractional bits) to output bytes. Every output pixel has
     * {@code h.taps} weights (unused ones zero, reading columns past the last one, which {@code
     * tmp} has room for), so the loops have a fixed shape.
     */
    private static void gatherBytes(
            int[] tmp, int[] first, Weights h, byte[] out, int d, int outW) {
        int[] weight = h.weight;
        int round = 1 << (OUT_SHIFT - 1);
        if (h.taps == 2) {
            for (int x = 0; x < outW; x++, d += 3) {
                int a = first[x];
                int w0 = weight[2 * x];
                int w1 = weight[2 * x + 1];
                out[d] = (byte) ((w0 * tmp[a] + w1 * tmp[a + 3] + round) >> OUT_SHIFT);
                out[d + 1] = (byte) ((w0 * tmp[a + 1] + w1 * tmp[a + 4] + round) >> OUT_SHIFT);
                out[d + 2] = (byte) ((w0 * tmp[a + 2] + w1 * tmp[a + 5] + round) >> OUT_SHIFT);
            }
            return;
        }
        if (h.taps == 3) {
            // Straight-line taps: the general loop's variable trip count costs about a third.
            for (int x = 0; x < outW; x++, d += 3) {
                int a = first[x];
                int w0 = weight[3 * x];
                int w1 = weight[3 * x + 1];
                int w2 = weight[3 * x + 2];
                out[d] =
                        (byte)
                                ((w0 * tmp[a] + w1 * tmp[a + 3] + w2 * tmp[a + 6] + round)
                                        >> OUT_SHIFT);
                out[d + 1] =
                        (byte)
                                ((w0 * tmp[a + 1] + w1 * tmp[a + 4] + w2 * tmp[a + 7] + round)
                                        >> OUT_SHIFT);
                out[d + 2] =
                        (byte)
                                ((w0 * tmp[a + 2] + w1 * tmp[a + 5] + w2 * tmp[a + 8] + round)
                                        >> OUT_SHIFT);
            }
            return;
        }
        if (h.taps == 4) {
            for (int x = 0; x < outW; x++, d += 3) {
                int a = first[x];
                int w0 = weight[4 * x];
                int w1 = weight[4 * x + 1];
                int w2 = weight[4 * x + 2];
                int w3 = weight[4 * x + 3];
                for (int c = 0; c < 3; c++) {
                    int s = a + c;
                    out[d + c] =
                            (byte)
                                    ((w0 * tmp[s]
                                                    + w1 * tmp[s + 3]
                                                    + w2 * tmp[s + 6]
                                                    + w3 * tmp[s + 9]
                                                    + round)
                                            >> OUT_SHIFT);
                }
            }
            return;
        }
        int taps = h.taps;
        for (int x = 0, off = 0; x < outW; x++, d += 3, off += taps) {
            int s = first[x];
            int r = round;
            int g = round;
            int b = round;
            for (int k = off, end = off + taps; k < end; k++, s += 3) {
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

    /** Horizontal taps from widened source bytes to ints with 8 fractional bits. */
    private static void gatherInts(int[] src, int[] first, Weights h, int[] out) {
        int[] weight = h.weight;
        int round = 1 << (TMP_SHIFT - 1);
        int outW = out.length / 3;
        if (h.taps == 2) {
            for (int x = 0, d = 0; x < outW; x++, d += 3) {
                int a = first[x];
                int w0 = weight[2 * x];
                int w1 = weight[2 * x + 1];
                out[d] = (w0 * src[a] + w1 * src[a + 3] + round) >> TMP_SHIFT;
                out[d + 1] = (w0 * src[a + 1] + w1 * src[a + 4] + round) >> TMP_SHIFT;
                out[d + 2] = (w0 * src[a + 2] + w1 * src[a + 5] + round) >> TMP_SHIFT;
            }
            return;
        }
        int taps = h.taps;
        for (int x = 0, d = 0, off = 0; x < outW; x++, d += 3, off += taps) {
            int s = first[x];
            int r = round;
            int g = round;
            int b = round;
            for (int k = off, end = off + taps; k < end; k++, s += 3) {
                int wk = weight[k];
                r += wk * src[s];
                g += wk * src[s + 1];
                b += wk * src[s + 2];
            }
            out[d] = r >> TMP_SHIFT;
            out[d + 1] = g >> TMP_SHIFT;
            out[d + 2] = b >> TMP_SHIFT;
        }
    }

    /**
     * Per output index: the first source index, how many taps, and their normalized weights, at
     * {@code i * taps} (padded with zero weights to {@code taps}, the largest count).
     */
    private static final class Weights {
        final int[] start;
        final int[] count;
        final int[] weight;
        final int taps;
        final int minIndex;
        final int maxIndex;

        private Weights(int[] start, int[] count, int[] weight, int taps) {
            this.start = start;
            this.count = count;
            this.weight = weight;
            this.taps = taps;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int i = 0; i < start.length; i++) {
                min = Math.min(min, start[i]);
                max = Math.max(max, start[i] + count[i] - 1);
            }
            this.minIndex = min;
            this.maxIndex = max;
        }

        /** Each output's first tap as an offset into a row that starts at column {@code from}. */
        int[] first(int from) {
            int[] first = new int[start.length];
            for (int i = 0; i < first.length; i++) {
                first[i] = (start[i] - from) * 3;
            }
            return first;
        }

        /** {@code (int) Math.floor(v)} for v in int range, without the library call. */
        private static int floor(double v) {
            int i = (int) v;
            return i > v ? i - 1 : i;
        }

        /** {@code (int) Math.ceil(v)} for v in int range, without the library call. */
        private static int ceil(double v) {
            int i = (int) v;
            return i < v ? i + 1 : i;
        }

        static Weights of(int srcLen, double origin, double scale, int outLen) {
            double support = Math.max(scale, 1.0);
            boolean unit = support == 1.0;
            int maxTaps = unit ? 2 : (int) Math.ceil(support) * 2 + 2;
            int[] start = new int[outLen];
            int[] count = new int[outLen];
            double[] real = new double[outLen * maxTaps];
            for (int i = 0; i < outLen; i++) {
                double centre = origin + (i + 0.5) * scale;
                int n = 0;
                int base = i * maxTaps;
                if (unit) {
                    // Only the pixels jl and jl + 1 can be within one pixel of the centre; the
                    // offsets are exact, and t is computed as in the general loop below.
                    int jl = floor(centre - 0.5);
                    double tl = 1.0 - Math.abs(jl + 0.5 - centre);
                    double tr = 1.0 - Math.abs((jl + 1) + 0.5 - centre);
                    if (jl >= 0 && jl < srcLen && tl > 0) {
                        start[i] = jl;
                        real[base] = tl;
                        n = 1;
                    }
                    if (jl + 1 >= 0 && jl + 1 < srcLen && tr > 0) {
                        if (n == 0) {
                            start[i] = jl + 1;
                        }
                        real[base + n] = tr;
                        n++;
                    }
                } else {
                    int from = Math.max(0, floor(centre - support));
                    int to = Math.min(srcLen - 1, ceil(centre + support));
                    for (int j = from; j <= to && n < maxTaps; j++) {
                        double t = 1.0 - Math.abs((j + 0.5 - centre) / support);
                        if (t > 0) {
                            if (n == 0) {
                                start[i] = j;
                            }
                            real[base + n] = t;
                            n++;
                        } else if (n > 0) {
                            break;
                        }
                    }
                }
                if (n == 0) {
                    start[i] = Math.min(srcLen - 1, Math.max(0, (int) Math.floor(centre)));
                    real[base] = 1;
                    n = 1;
                }
                count[i] = n;
            }
            int taps = 0;
            for (int c : count) {
                taps = Math.max(taps, c);
            }
            int[] weight = new int[outLen * taps];
            for (int i = 0; i < outLen; i++) {
                int base = i * maxTaps;
                int n = count[i];
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += real[base + k];
                }
                // Rounded to integers; the rounding residue goes to the largest tap, so the
                // weights sum exactly to one.
                int off = i * taps;
                int total = 0;
                int largest = 0;
                for (int k = 0; k < n; k++) {
                    int wk = (int) Math.round(real[base + k] / sum * (1 << WEIGHT_BITS));
                    weight[off + k] = wk;
                    total += wk;
                    if (wk > weight[off + largest]) {
                        largest = k;
                    }
                }
                weight[off + largest] += (1 << WEIGHT_BITS) - total;
            }
            return new Weights(start, count, weight, taps);
        }
    }
}

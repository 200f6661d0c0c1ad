package io.streamprep.operators.image;

/**
 * Separable resampling with a triangle (bilinear) filter widened by the scale factor when
 * shrinking, so downscaling averages every source pixel (antialiasing, like PIL's BILINEAR or
 * OpenCV's INTER_AREA) and upscaling interpolates. Works directly on the byte arrays.
 */
public final class Resampler {

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
        float[] tmp = new float[(rowsTo - rowsFrom + 1) * outW * 3];
        for (int y = rowsFrom; y <= rowsTo; y++) {
            int srcRow = y * srcW * 3;
            int tmpRow = (y - rowsFrom) * outW * 3;
            for (int x = 0; x < outW; x++) {
                int start = horizontal.start[x];
                int off = horizontal.offset[x];
                int n = horizontal.count[x];
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0; k < n; k++) {
                    float wk = horizontal.weight[off + k];
                    int s = srcRow + (start + k) * 3;
                    r += wk * (in[s] & 0xFF);
                    g += wk * (in[s + 1] & 0xFF);
                    b += wk * (in[s + 2] & 0xFF);
                }
                int t = tmpRow + x * 3;
                tmp[t] = r;
                tmp[t + 1] = g;
                tmp[t + 2] = b;
            }
        }
        byte[] out = new byte[outW * outH * 3];
        int rowLen = outW * 3;
        float[] acc = new float[rowLen];
        for (int y = 0; y < outH; y++) {
            int start = vertical.start[y] - rowsFrom;
            int off = vertical.offset[y];
            int n = vertical.count[y];
            int dst = y * rowLen;
            java.util.Arrays.fill(acc, 0f);
            // Row by row keeps the inner loop sequential in memory (and vectorizable).
            for (int k = 0; k < n; k++) {
                float wk = vertical.weight[off + k];
                int from = (start + k) * rowLen;
                for (int i = 0; i < rowLen; i++) {
                    acc[i] += wk * tmp[from + i];
                }
            }
            for (int i = 0; i < rowLen; i++) {
                out[dst + i] = clamp(acc[i]);
            }
        }
        return new RgbImage(outW, outH, out);
    }

    static byte clamp(float v) {
        int i = (int) (v + 0.5f);
        return (byte) (i < 0 ? 0 : Math.min(i, 255));
    }

    /** Per output index: the first source index, how many, and their normalized weights. */
    private record Weights(int[] start, int[] count, int[] offset, float[] weight) {

        static Weights of(int srcLen, double origin, double scale, int outLen) {
            double support = Math.max(scale, 1.0);
            int maxTaps = (int) Math.ceil(support) * 2 + 2;
            int[] start = new int[outLen];
            int[] count = new int[outLen];
            int[] offset = new int[outLen];
            float[] weight = new float[outLen * maxTaps];
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
                        weight[offset[i] + n] = (float) t;
                        sum += t;
                        n++;
                    } else if (n > 0) {
                        break;
                    }
                }
                if (n == 0) {
                    start[i] = Math.min(srcLen - 1, Math.max(0, (int) Math.floor(centre)));
                    weight[offset[i]] = 1f;
                    n = 1;
                    sum = 1;
                }
                for (int k = 0; k < n; k++) {
                    weight[offset[i] + k] /= (float) sum;
                }
                count[i] = n;
            }
            return new Weights(start, count, offset, weight);
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

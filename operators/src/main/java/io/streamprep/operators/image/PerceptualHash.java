package io.streamprep.operators.image;

/**
 * 64-bit perceptual hashes of decoded pixels, for near-duplicate search by Hamming distance.
 *
 * <ul>
 *   <li>{@link #phash}: the image is turned grey (BT.601 luma) and area-resized to 32 x 32; of its
 *       2-D DCT-II the 8 x 8 lowest frequencies are kept and each bit says whether a coefficient is
 *       above their median (the construction of Zauner 2010 and of the Python imagehash library).
 *       Robust to resizing, re-encoding and small brightness or contrast changes.
 *   <li>{@link #dhash}: grey 9 x 8, each bit whether a pixel is brighter than its right neighbour.
 *       Cheaper, a little less robust.
 * </ul>
 *
 * Bit 63 is the first coefficient (row-major). Pure and deterministic: the same pixels give the
 * same hash on every JVM (strict IEEE arithmetic, fixed summation order).
 */
public final class PerceptualHash {

    /** Side of the grey image the DCT reads (and of {@link #resized}). */
    static final int SIZE = 32;

    private static final int N = SIZE;
    private static final int K = 8;
    private static final double[][] COS = cosTable();

    private PerceptualHash() {}

    public static long phash(RgbImage image) {
        return phashOfResized(resized(image));
    }

    /** The image area-resized to 32 x 32, which {@link #phash} and {@link LumaThumbnail} read. */
    static RgbImage resized(RgbImage image) {
        return Resampler.resize(image, N, N);
    }

    /** {@link #phash} of an image already {@link #resized}. */
    static long phashOfResized(RgbImage small) {
        double[] grey = grey(small);
        // Separable DCT, only the K lowest frequencies per axis: rows first, then columns.
        double[] rows = new double[N * K];
        for (int y = 0; y < N; y++) {
            for (int u = 0; u < K; u++) {
                double s = 0;
                for (int x = 0; x < N; x++) {
                    s += grey[y * N + x] * COS[u][x];
                }
                rows[y * K + u] = s;
            }
        }
        double[] coefficients = new double[K * K];
        for (int v = 0; v < K; v++) {
            for (int u = 0; u < K; u++) {
                double s = 0;
                for (int y = 0; y < N; y++) {
                    s += rows[y * K + u] * COS[v][y];
                }
                coefficients[v * K + u] = s;
            }
        }
        double[] sorted = coefficients.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[K * K / 2 - 1] + sorted[K * K / 2]) / 2;
        long hash = 0;
        for (double c : coefficients) {
            hash = (hash << 1) | (c > median ? 1 : 0);
        }
        return hash;
    }

    public static long dhash(RgbImage image) {
        double[] grey = grey(Resampler.resize(image, K + 1, K));
        long hash = 0;
        for (int y = 0; y < K; y++) {
            for (int x = 0; x < K; x++) {
                hash = (hash << 1) | (grey[y * (K + 1) + x] < grey[y * (K + 1) + x + 1] ? 1 : 0);
            }
        }
        return hash;
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The hash as 8 big-endian bytes (the signature format of {@link HammingModel}). */
    public static byte[] toBytes(long hash) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (hash >>> (56 - 8 * i));
        }
        return out;
    }

    /** The hash in the first 8 bytes (big-endian) of a signature; later bytes are ignored. */
    static long fromBytes(byte[] bytes) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException("a 64-bit hash has 8 bytes, got " + bytes.length);
        }
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (bytes[i] & 0xFF);
        }
        return h;
    }

    private static double[] grey(RgbImage image) {
        byte[] rgb = image.rgb();
        double[] out = new double[rgb.length / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] =
                    0.299 * (rgb[i * 3] & 0xFF)
                            + 0.587 * (rgb[i * 3 + 1] & 0xFF)
                            + 0.114 * (rgb[i * 3 + 2] & 0xFF);
        }
        return out;
    }

    private static double[][] cosTable() {
        double[][] table = new double[K][N];
        for (int u = 0; u < K; u++) {
            for (int x = 0; x < N; x++) {
                table[u][x] = Math.cos(Math.PI * u * (2 * x + 1) / (2.0 * N));
            }
        }
        return table;
    }
}

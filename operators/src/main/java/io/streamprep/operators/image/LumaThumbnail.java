package io.streamprep.operators.image;

/**
 * A 64-byte descriptor of an image for confirming near-duplicate candidates: its 8 x 8 grey
 * thumbnail (BT.601 luma, each cell the mean of a 4 x 4 block of the 32 x 32 area-resized image
 * that {@link PerceptualHash} also uses), and a distance that tells copies from sibling drawings.
 *
 * <p>{@link #difference} is the largest absolute difference of one cell after removing the mean
 * difference of all cells (in grey levels of 255). Resizing and JPEG re-encoding change every cell
 * slightly (edge blur averages out within a cell); a sibling drawing (another mouth, another line
 * length) changes a few cells strongly; removing the mean forgives a uniform brightness shift.
 * Integer arithmetic only: the same pixels give the same bytes and distances on every JVM.
 */
public final class LumaThumbnail {

    /** Cells per side. */
    public static final int SIDE = 8;

    /** Bytes of a descriptor: one grey level per cell. */
    public static final int BYTES = SIDE * SIDE;

    private static final int CELL = PerceptualHash.SIZE / SIDE;

    private LumaThumbnail() {}

    /** The descriptor of an image of any size. */
    public static byte[] of(RgbImage image) {
        return ofResized(PerceptualHash.resized(image));
    }

    /**
     * The descriptor of an image already area-resized to 32 x 32 ({@link PerceptualHash#resized}).
     */
    static byte[] ofResized(RgbImage small) {
        if (small.width() != PerceptualHash.SIZE || small.height() != PerceptualHash.SIZE) {
            throw new IllegalArgumentException("expected a 32 x 32 image");
        }
        byte[] rgb = small.rgb();
        int[] sums = new int[BYTES];
        for (int y = 0; y < PerceptualHash.SIZE; y++) {
            for (int x = 0; x < PerceptualHash.SIZE; x++) {
                int p = (y * PerceptualHash.SIZE + x) * 3;
                sums[(y / CELL) * SIDE + x / CELL] +=
                        299 * (rgb[p] & 0xFF)
                                + 587 * (rgb[p + 1] & 0xFF)
                                + 114 * (rgb[p + 2] & 0xFF);
            }
        }
        int divisor = 1000 * CELL * CELL;
        byte[] out = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            out[i] = (byte) ((sums[i] + divisor / 2) / divisor);
        }
        return out;
    }

    /**
     * The largest cell difference after removing the mean difference, in 1/64 grey levels (an exact
     * integer): {@code max |64 (a[k] - b[k]) - sum(a - b)|} over the 64 cells.
     *
     * @param a descriptor bytes starting at {@code aFrom}
     * @param b descriptor bytes starting at {@code bFrom}
     */
    static int difference64(byte[] a, int aFrom, byte[] b, int bFrom) {
        int[] d = new int[BYTES];
        int sum = 0;
        for (int k = 0; k < BYTES; k++) {
            d[k] = (a[aFrom + k] & 0xFF) - (b[bFrom + k] & 0xFF);
            sum += d[k];
        }
        int max = 0;
        for (int k = 0; k < BYTES; k++) {
            max = Math.max(max, Math.abs(BYTES * d[k] - sum));
        }
        return max;
    }

    /** {@link #difference64} in grey levels of 255, for reports. */
    public static double difference(byte[] a, byte[] b) {
        return difference64(a, 0, b, 0) / (double) BYTES;
    }
}

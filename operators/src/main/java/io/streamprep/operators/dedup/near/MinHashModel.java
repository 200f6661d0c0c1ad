package io.streamprep.operators.dedup.near;

/**
 * Near duplicates of text by MinHash-LSH: word n-gram shingles ({@link Shingler}), a MinHash
 * signature ({@link MinHasher}), LSH band keys ({@link LshBanding}), and confirmation of every
 * candidate by the signatures' estimated Jaccard similarity.
 *
 * <p>Confirmation uses the estimate, not the exact Jaccard similarity: dedup state holds
 * signatures, never texts. With 128 permutations the estimate's standard deviation at similarity
 * 0.8 is about 0.035, so pairs that close to the threshold can fall on either side.
 */
public final class MinHashModel implements NearDuplicateModel {

    private static final long serialVersionUID = 1L;

    private final Shingler shingler;
    private final MinHasher hasher;
    private final LshBanding banding;
    private final double threshold;

    /**
     * @param shingleSize words per shingle
     * @param numPerm signature length
     * @param banding bands x rows; {@code bands * rows} must not exceed {@code numPerm}
     * @param threshold estimated Jaccard similarity at or above which a candidate is a duplicate
     * @param seed the pipeline seed, from which the permutations are drawn
     */
    public MinHashModel(
            int shingleSize, int numPerm, LshBanding banding, double threshold, long seed) {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("dedup.near.threshold must be in (0, 1]");
        }
        if ((long) banding.bands() * banding.rows() > numPerm) {
            throw new IllegalArgumentException(
                    "dedup.near.bands x dedup.near.rows ("
                            + banding.bands()
                            + " x "
                            + banding.rows()
                            + ") exceeds dedup.near.num-perm ("
                            + numPerm
                            + ")");
        }
        this.shingler = new Shingler(shingleSize);
        this.hasher = new MinHasher(numPerm, seed);
        this.banding = banding;
        this.threshold = threshold;
    }

    /** The model with the bands x rows that {@link LshBanding#optimal} picks for the threshold. */
    public static MinHashModel withOptimalBanding(
            int shingleSize, int numPerm, double threshold, long seed) {
        return new MinHashModel(
                shingleSize, numPerm, LshBanding.optimal(threshold, numPerm), threshold, seed);
    }

    public LshBanding banding() {
        return banding;
    }

    public Shingler shingler() {
        return shingler;
    }

    /** The signature of a normalized text. */
    public byte[] signature(String text) {
        return hasher.signature(shingler.shingleHashes(text));
    }

    @Override
    public long[] bandKeys(byte[] signature) {
        int bytesPerBand = 2 * banding.rows();
        if (signature.length < bytesPerBand * banding.bands()) {
            throw new IllegalArgumentException(
                    "signature of " + signature.length + " bytes is too short for the bands");
        }
        long[] keys = new long[banding.bands()];
        for (int band = 0; band < keys.length; band++) {
            int from = band * bytesPerBand;
            keys[band] = Hashing.hashBytes(band, signature, from, from + bytesPerBand);
        }
        return keys;
    }

    @Override
    public double similarity(byte[] a, byte[] b) {
        return MinHasher.estimateJaccard(a, b);
    }

    @Override
    public boolean isDuplicate(double similarity) {
        return similarity >= threshold;
    }
}

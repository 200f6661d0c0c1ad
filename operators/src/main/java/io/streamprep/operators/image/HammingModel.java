package io.streamprep.operators.image;

import io.streamprep.operators.dedup.near.NearDuplicateModel;

/**
 * Near duplicates of 64-bit perceptual hashes ({@link PerceptualHash}): two images are near
 * duplicates when their hashes differ in at most {@code maxDistance} bits.
 *
 * <p>Candidates come from multi-index hashing: the 64 bits are cut into {@code maxDistance + 1}
 * contiguous chunks, and each chunk (tagged with its index) is a band key. Two hashes within {@code
 * maxDistance} bits differ in at most {@code maxDistance} chunks, so by the pigeonhole principle at
 * least one chunk is equal: every true near duplicate is a candidate (recall of the search is
 * exact, not probabilistic). Larger distances mean more, shorter chunks and so more chance
 * collisions, which {@link #similarity} then filters out.
 *
 * <p><b>Confirmation.</b> With a maximum thumbnail difference (≥ 0), a pair within the distance is
 * a near duplicate only if their {@link LumaThumbnail}s also differ by at most that many grey
 * levels in every cell (after removing the mean difference): the hash alone merges sibling drawings
 * that share a silhouette (two faces with different mouths), the thumbnail tells them apart.
 *
 * <p>Signatures are the 8 big-endian bytes of {@link PerceptualHash#toBytes}, followed, when
 * confirming, by the 64 bytes of the {@link LumaThumbnail} ({@link #signature}). A pair where
 * either signature lacks the thumbnail (state written before confirmation was configured) is judged
 * by the hash alone.
 */
public final class HammingModel implements NearDuplicateModel {

    private static final long serialVersionUID = 1L;

    /** Most bits that may differ: 32 chunks of 2 bits; beyond that hashes say little. */
    public static final int MAX_DISTANCE = 31;

    /** Largest thumbnail difference: grey levels are 0..255. */
    public static final int MAX_THUMBNAIL_DIFFERENCE = 255;

    private final int maxDistance;
    private final int maxThumbnailDifference;
    private final int[] chunkStart;
    private final int[] chunkBits;

    /** A model judging by the hash alone (8-byte signatures). */
    public HammingModel(int maxDistance) {
        this(maxDistance, -1);
    }

    /**
     * @param maxDistance most differing hash bits, in [0, {@value #MAX_DISTANCE}]
     * @param maxThumbnailDifference most grey levels (of 255) any thumbnail cell may differ by,
     *     after removing the mean difference, in [0, {@value #MAX_THUMBNAIL_DIFFERENCE}]; or -1 to
     *     judge by the hash alone
     */
    public HammingModel(int maxDistance, int maxThumbnailDifference) {
        if (maxThumbnailDifference < -1 || maxThumbnailDifference > MAX_THUMBNAIL_DIFFERENCE) {
            throw new IllegalArgumentException(
                    "max thumbnail difference must be -1 or in [0, "
                            + MAX_THUMBNAIL_DIFFERENCE
                            + "], got "
                            + maxThumbnailDifference);
        }
        this.maxThumbnailDifference = maxThumbnailDifference;
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException(
                    "max Hamming distance must be in [0, "
                            + MAX_DISTANCE
                            + "], got "
                            + maxDistance);
        }
        this.maxDistance = maxDistance;
        int chunks = maxDistance + 1;
        chunkStart = new int[chunks];
        chunkBits = new int[chunks];
        int start = 0;
        for (int i = 0; i < chunks; i++) {
            chunkBits[i] = 64 / chunks + (i < 64 % chunks ? 1 : 0);
            chunkStart[i] = start;
            start += chunkBits[i];
        }
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** Whether candidates are confirmed by their thumbnails (signatures then carry them). */
    public boolean confirms() {
        return maxThumbnailDifference >= 0;
    }

    /** The signature of an image: its pHash, and its thumbnail if this model {@link #confirms}. */
    public byte[] signature(RgbImage image) {
        RgbImage small = PerceptualHash.resized(image);
        byte[] hash = PerceptualHash.toBytes(PerceptualHash.phashOfResized(small));
        if (!confirms()) {
            return hash;
        }
        byte[] out = java.util.Arrays.copyOf(hash, hash.length + LumaThumbnail.BYTES);
        System.arraycopy(LumaThumbnail.ofResized(small), 0, out, hash.length, LumaThumbnail.BYTES);
        return out;
    }

    @Override
    public long[] bandKeys(byte[] signature) {
        long hash = PerceptualHash.fromBytes(signature);
        long[] keys = new long[chunkBits.length];
        for (int i = 0; i < keys.length; i++) {
            long chunk = (hash << chunkStart[i]) >>> (64 - chunkBits[i]);
            keys[i] = ((long) i << 56) | chunk;
        }
        return keys;
    }

    @Override
    public double similarity(byte[] a, byte[] b) {
        return 1.0
                - PerceptualHash.distance(PerceptualHash.fromBytes(a), PerceptualHash.fromBytes(b))
                        / 64.0;
    }

    @Override
    public boolean isDuplicate(double similarity) {
        // Similarities are multiples of 1/64, exact in binary: compare bit counts, not doubles.
        return Math.round((1.0 - similarity) * 64) <= maxDistance;
    }

    @Override
    public boolean isDuplicate(byte[] a, byte[] b, double similarity) {
        if (!isDuplicate(similarity)) {
            return false;
        }
        int withThumbnail = Long.BYTES + LumaThumbnail.BYTES;
        if (!confirms() || a.length < withThumbnail || b.length < withThumbnail) {
            return true;
        }
        return LumaThumbnail.difference64(a, Long.BYTES, b, Long.BYTES)
                <= maxThumbnailDifference * LumaThumbnail.BYTES;
    }
}

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
 * <p>Signatures are the 8 big-endian bytes of {@link PerceptualHash#toBytes}.
 */
public final class HammingModel implements NearDuplicateModel {

    private static final long serialVersionUID = 1L;

    /** Most bits that may differ: 32 chunks of 2 bits; beyond that hashes say little. */
    public static final int MAX_DISTANCE = 31;

    private final int maxDistance;
    private final int[] chunkStart;
    private final int[] chunkBits;

    public HammingModel(int maxDistance) {
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
}

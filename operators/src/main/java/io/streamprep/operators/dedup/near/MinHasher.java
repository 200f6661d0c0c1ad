package io.streamprep.operators.dedup.near;

import io.streamprep.operators.image.VectorSupport;
import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code numPerm} seeded hash permutations, the minimum over a
 * set's element hashes. The fraction of positions where two signatures agree estimates the Jaccard
 * similarity of the two sets.
 *
 * <p>Permutation {@code i} maps an element hash {@code x} to {@code mix64(x ^ seed_i)}; {@code
 * mix64} is a bijection, so each is a permutation of the 64-bit space. The seeds come from a {@link
 * SplittableRandom} seeded by the pipeline seed, so signatures are the same on every JVM and run
 * with the same seed.
 *
 * <p>A signature stores the low {@value #BITS_PER_VALUE} bits of each minimum (b-bit minwise
 * hashing): two different minima agree by chance with probability 2^-16, which biases the estimate
 * by at most 1.5e-5 and halves state compared with 32-bit values.
 */
public final class MinHasher implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Bits kept per signature value. */
    public static final int BITS_PER_VALUE = 16;

    private final long[] seeds;

    public MinHasher(int numPerm, long seed) {
        if (numPerm < 1) {
            throw new IllegalArgumentException("dedup.near.num-perm must be at least 1");
        }
        SplittableRandom random = new SplittableRandom(Hashing.mix64(seed ^ 0x6D696E68617368L));
        seeds = new long[numPerm];
        for (int i = 0; i < numPerm; i++) {
            seeds[i] = random.nextLong();
        }
    }

    public int numPerm() {
        return seeds.length;
    }

    /** The full 64-bit minima of the element hashes under every permutation. */
    public long[] minima(long[] elementHashes) {
        return minima(elementHashes, VectorSupport.wideLongMultiplies());
    }

    /** The minima, on the SIMD kernel ({@link MinHashVectors}) or not: the same values. */
    long[] minima(long[] elementHashes, boolean simd) {
        if (simd) {
            long[] minima = new long[seeds.length];
            MinHashVectors.minima(elementHashes, seeds, minima);
            return minima;
        }
        return minimaScalar(elementHashes);
    }

    long[] minimaScalar(long[] elementHashes) {
        long[] minima = new long[seeds.length];
        java.util.Arrays.fill(minima, Long.MAX_VALUE);
        for (long x : elementHashes) {
            for (int i = 0; i < seeds.length; i++) {
                long v = Hashing.mix64(x ^ seeds[i]) >>> 1;
                if (v < minima[i]) {
                    minima[i] = v;
                }
            }
        }
        return minima;
    }

    /** The signature bytes: per permutation, the low 16 bits of the minimum, big-endian. */
    public byte[] signature(long[] elementHashes) {
        long[] minima = minima(elementHashes);
        byte[] signature = new byte[2 * minima.length];
        for (int i = 0; i < minima.length; i++) {
            signature[2 * i] = (byte) (minima[i] >>> 8);
            signature[2 * i + 1] = (byte) minima[i];
        }
        return signature;
    }

    /** The fraction of positions where two signatures of the same length agree. */
    public static double estimateJaccard(byte[] a, byte[] b) {
        if (a.length != b.length || a.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "signatures of different lengths: " + a.length + " and " + b.length);
        }
        int values = a.length / 2;
        int equal = 0;
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] == b[i] && a[i + 1] == b[i + 1]) {
                equal++;
            }
        }
        return values == 0 ? 0.0 : (double) equal / values;
    }
}

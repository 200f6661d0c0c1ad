package io.streamprep.operators.dedup.near;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The MinHash minima on the Vector API: eight permutations at a time in 512-bit lanes. Gives
 * exactly {@link MinHasher#minimaScalar}'s values (the same arithmetic on the same 64-bit lanes;
 * the minimum does not depend on the order elements are visited). Used only where {@link
 * io.streamprep.operators.image.VectorSupport#wideLongMultiplies()} says the lanes' 64-bit
 * multiplies are native; loading this class needs {@code jdk.incubator.vector}.
 */
final class MinHashVectors {

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_512;

    private MinHashVectors() {}

    /** Writes the minima of {@code mix64(x ^ seed) >>> 1} per seed into {@code minima}. */
    static void minima(long[] elementHashes, long[] seeds, long[] minima) {
        int i = 0;
        for (int upper = LONGS.loopBound(seeds.length); i < upper; i += LONGS.length()) {
            LongVector seed = LongVector.fromArray(LONGS, seeds, i);
            LongVector min = LongVector.broadcast(LONGS, Long.MAX_VALUE);
            for (long x : elementHashes) {
                LongVector z = seed.lanewise(VectorOperators.XOR, x);
                z =
                        z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 33))
                                .mul(0xff51afd7ed558ccdL);
                z =
                        z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 33))
                                .mul(0xc4ceb9fe1a85ec53L);
                z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 33));
                min = min.min(z.lanewise(VectorOperators.LSHR, 1));
            }
            min.intoArray(minima, i);
        }
        for (; i < seeds.length; i++) {
            long min = Long.MAX_VALUE;
            for (long x : elementHashes) {
                min = Math.min(min, Hashing.mix64(x ^ seeds[i]) >>> 1);
            }
            minima[i] = min;
        }
    }
}

package io.streamprep.operators.dedup.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD kernel runs here whatever the CPU (the test JVMs have the module; see
 * VectorKernelsTest).
 */
class MinHashVectorsTest {

    @Test
    void givesTheScalarMinimaForEveryPermutationCount() {
        SplittableRandom random = new SplittableRandom(42);
        for (int numPerm : new int[] {1, 7, 8, 9, 16, 100, 120, 128, 131}) {
            MinHasher hasher = new MinHasher(numPerm, random.nextLong());
            for (int elements : new int[] {0, 1, 2, 5, 17, 300}) {
                long[] hashes = new long[elements];
                for (int i = 0; i < elements; i++) {
                    // Extremes too: the kernel shifts and compares 64-bit lanes.
                    hashes[i] =
                            switch (i % 7) {
                                case 0 -> Long.MIN_VALUE;
                                case 1 -> Long.MAX_VALUE;
                                case 2 -> 0L;
                                case 3 -> -1L;
                                default -> random.nextLong();
                            };
                }
                assertThat(hasher.minima(hashes, true))
                        .as("%d permutations, %d elements", numPerm, elements)
                        .containsExactly(hasher.minimaScalar(hashes));
            }
        }
    }
}

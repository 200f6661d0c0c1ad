package io.streamprep.operators.dedup.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinHasherTest {

    private static final int SET_SIZE = 1_000;

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0})
    void theEstimateIsWithinFourStandardDeviationsOfTheExactJaccard(double target) {
        int numPerm = 256;
        MinHasher hasher = new MinHasher(numPerm, 42);
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0.0;
        double sumError = 0.0;
        int trials = 40;
        for (int t = 0; t < trials; t++) {
            // |A ∩ B| = s, |A| = |B| = SET_SIZE: J = s / (2 * SET_SIZE - s).
            int shared = (int) Math.round(2 * SET_SIZE * target / (1 + target));
            long[] a = new long[SET_SIZE];
            long[] b = new long[SET_SIZE];
            for (int i = 0; i < SET_SIZE; i++) {
                a[i] = random.nextLong();
                b[i] = i < shared ? a[i] : random.nextLong();
            }
            double exact = (double) shared / (2 * SET_SIZE - shared);
            double estimate = MinHasher.estimateJaccard(hasher.signature(a), hasher.signature(b));
            double error = Math.abs(estimate - exact);
            worst = Math.max(worst, error);
            sumError += error;
        }
        double sigma = Math.sqrt(target * (1 - target) / numPerm);
        // plus one position: 16-bit values of different minima agree by chance (2^-16 each)
        assertThat(worst).isLessThanOrEqualTo(4 * sigma + 1.0 / numPerm);
        // the mean absolute error of an unbiased estimate is about 0.8 sigma
        assertThat(sumError / trials).isLessThanOrEqualTo(1.2 * sigma + 1e-3);
    }

    @Test
    void signaturesAreTwoBytesPerPermutationAndDeterministic() {
        long[] set = {1L, 2L, 3L};
        byte[] one = new MinHasher(64, 42).signature(set);
        assertThat(one).hasSize(128);
        assertThat(new MinHasher(64, 42).signature(set)).isEqualTo(one);
        assertThat(new MinHasher(64, 43).signature(set)).isNotEqualTo(one);
    }

    @Test
    void orderAndRepeatsOfElementsDoNotMatter() {
        MinHasher hasher = new MinHasher(32, 1);
        assertThat(hasher.signature(new long[] {5, 9, 5, 1}))
                .isEqualTo(hasher.signature(new long[] {1, 9, 5}));
    }
}

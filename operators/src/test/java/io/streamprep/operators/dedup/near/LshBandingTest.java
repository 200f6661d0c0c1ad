package io.streamprep.operators.dedup.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LshBandingTest {

    @Test
    void theDefaultsGiveTheDocumentedBanding() {
        // README "Near-duplicate removal" documents this choice and its S-curve.
        assertThat(LshBanding.optimal(0.8, 128)).isEqualTo(new LshBanding(12, 10));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 64", "0.7, 128", "0.8, 128", "0.8, 256", "0.9, 128", "0.95, 64"})
    void theOptimumFitsTheSignatureAndIsALocalMinimum(double threshold, int numPerm) {
        LshBanding best = LshBanding.optimal(threshold, numPerm);
        assertThat(best.bands() * best.rows()).isLessThanOrEqualTo(numPerm);
        double bestError = error(best, threshold);
        for (int db = -1; db <= 1; db++) {
            for (int dr = -1; dr <= 1; dr++) {
                int bands = best.bands() + db;
                int rows = best.rows() + dr;
                if (bands >= 1 && rows >= 1 && bands * rows <= numPerm) {
                    assertThat(error(new LshBanding(bands, rows), threshold))
                            .isGreaterThanOrEqualTo(bestError - 1e-12);
                }
            }
        }
        // the S-curve's steep part sits close to the target
        assertThat(best.approximateThreshold()).isBetween(threshold - 0.1, threshold + 0.05);
    }

    @Test
    void theSCurveRisesFromZeroToOne() {
        LshBanding banding = new LshBanding(12, 10);
        assertThat(banding.candidateProbability(0.0)).isZero();
        assertThat(banding.candidateProbability(1.0)).isEqualTo(1.0);
        double previous = 0.0;
        for (int i = 1; i <= 100; i++) {
            double p = banding.candidateProbability(i / 100.0);
            assertThat(p).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(banding.candidateProbability(0.5)).isLessThan(0.02);
        assertThat(banding.candidateProbability(0.9)).isGreaterThan(0.99);
    }

    @Test
    void badParametersAreRejectedByName() {
        assertThatThrownBy(() -> LshBanding.optimal(0.0, 128)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new LshBanding(0, 3)).hasMessageContaining("dedup.near.bands");
    }

    private static double error(LshBanding banding, double threshold) {
        return LshBanding.FALSE_POSITIVE_WEIGHT * banding.falsePositiveArea(threshold)
                + LshBanding.FALSE_NEGATIVE_WEIGHT * banding.falseNegativeArea(threshold);
    }
}

package io.streamprep.operators.dedup.near;

import java.io.Serializable;

/**
 * LSH banding of a MinHash signature: {@code bands} bands of {@code rows} values each. Two
 * signatures become candidates when all rows of at least one band agree, which for sets of Jaccard
 * similarity {@code s} happens with probability {@code 1 - (1 - s^rows)^bands} (the S-curve).
 *
 * @param bands number of bands
 * @param rows signature values per band
 */
public record LshBanding(int bands, int rows) implements Serializable {

    /** Weight of the false-positive area in {@link #optimal}: candidates are confirmed anyway. */
    public static final double FALSE_POSITIVE_WEIGHT = 0.2;

    /** Weight of the false-negative area in {@link #optimal}: a missed pair is lost for good. */
    public static final double FALSE_NEGATIVE_WEIGHT = 0.8;

    private static final int STEPS = 500;

    public LshBanding {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException(
                    "dedup.near.bands and dedup.near.rows must be at least 1");
        }
    }

    /** The probability that two sets of Jaccard similarity {@code s} become candidates. */
    public double candidateProbability(double s) {
        return 1.0 - Math.pow(1.0 - Math.pow(s, rows), bands);
    }

    /** The similarity where the S-curve is steepest, about {@code (1/bands)^(1/rows)}. */
    public double approximateThreshold() {
        return Math.pow(1.0 / bands, 1.0 / rows);
    }

    /**
     * The bands x rows (with bands * rows at most {@code numPerm}) that minimize {@code
     * FALSE_POSITIVE_WEIGHT * (area under the S-curve below the threshold) + FALSE_NEGATIVE_WEIGHT
     * * (area above it left uncovered)}. Ties go to fewer bands (less state).
     */
    public static LshBanding optimal(double threshold, int numPerm) {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("dedup.near.threshold must be in (0, 1]");
        }
        LshBanding best = null;
        double bestError = Double.MAX_VALUE;
        for (int bands = 1; bands <= numPerm; bands++) {
            for (int rows = 1; bands * rows <= numPerm; rows++) {
                LshBanding candidate = new LshBanding(bands, rows);
                double error =
                        FALSE_POSITIVE_WEIGHT * candidate.falsePositiveArea(threshold)
                                + FALSE_NEGATIVE_WEIGHT * candidate.falseNegativeArea(threshold);
                if (error < bestError - 1e-12) {
                    best = candidate;
                    bestError = error;
                }
            }
        }
        return best;
    }

    /** The integral of the candidate probability over [0, threshold]. */
    public double falsePositiveArea(double threshold) {
        return integrate(0.0, threshold, false);
    }

    /** The integral of the miss probability over [threshold, 1]. */
    public double falseNegativeArea(double threshold) {
        return integrate(threshold, 1.0, true);
    }

    private double integrate(double from, double to, boolean miss) {
        double width = (to - from) / STEPS;
        double sum = 0.0;
        for (int i = 0; i < STEPS; i++) {
            double p = candidateProbability(from + (i + 0.5) * width);
            sum += miss ? 1.0 - p : p;
        }
        return sum * width;
    }
}

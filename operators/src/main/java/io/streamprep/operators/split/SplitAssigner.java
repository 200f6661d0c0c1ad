package io.streamprep.operators.split;

import io.streamprep.operators.common.StableHash;
import io.streamprep.schemas.config.SplitOptions;
import java.io.Serializable;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Assigns a source record to train, validation or test from a stable hash of (seed, id) alone, so a
 * record lands in the same split on every run, at every parallelism, and all its variants and token
 * windows land together (no leakage between splits).
 */
public final class SplitAssigner implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    private static final double SUM_TOLERANCE = 1e-9;

    private final long seed;
    private final double trainUpper;
    private final double validationUpper;

    /**
     * @throws IllegalArgumentException if a share is negative or the shares do not add up to 1
     */
    public SplitAssigner(long seed, double train, double validation, double test) {
        check(SplitOptions.TRAIN.key(), train);
        check(SplitOptions.VALIDATION.key(), validation);
        check(SplitOptions.TEST.key(), test);
        double sum = train + validation + test;
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s + %s + %s must be 1, but is %s",
                            SplitOptions.TRAIN.key(),
                            SplitOptions.VALIDATION.key(),
                            SplitOptions.TEST.key(),
                            sum));
        }
        this.seed = seed;
        this.trainUpper = train;
        this.validationUpper = train + validation;
    }

    public static SplitAssigner fromConfig(ReadableConfig config, long seed) {
        return new SplitAssigner(
                seed,
                config.get(SplitOptions.TRAIN),
                config.get(SplitOptions.VALIDATION),
                config.get(SplitOptions.TEST));
    }

    /** The split of the source record with this id. */
    public String splitOf(String sourceId) {
        double u = StableHash.unitInterval(seed, "split", sourceId);
        if (u < trainUpper) {
            return TRAIN;
        }
        return u < validationUpper ? VALIDATION : TEST;
    }

    private static void check(String key, double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException(key + " must be in [0, 1], but is " + share);
        }
    }
}

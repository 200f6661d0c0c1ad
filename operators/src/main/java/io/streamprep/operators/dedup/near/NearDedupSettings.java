package io.streamprep.operators.dedup.near;

import io.streamprep.schemas.config.DedupOptions;
import io.streamprep.schemas.config.NearDedupOptions;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The near-dedup options, read once and validated: a bad combination fails before the job starts
 * with a message naming the option.
 *
 * @param model the text model (shingles, MinHash, banding, threshold)
 * @param window the near-dedup window
 * @param mode drop or group near duplicates
 * @param stateTtl the safety-net TTL of the dedup state
 */
public record NearDedupSettings(
        MinHashModel model, Duration window, NearDedupOptions.Mode mode, Duration stateTtl)
        implements Serializable {

    /** Reads and validates the options; the permutations are seeded by {@code seed}. */
    public static NearDedupSettings fromConfig(ReadableConfig options, long seed) {
        int numPerm = options.get(NearDedupOptions.NUM_PERM);
        if (numPerm < 1 || numPerm > 4096) {
            throw new IllegalArgumentException("dedup.near.num-perm must be in [1, 4096]");
        }
        double threshold = options.get(NearDedupOptions.THRESHOLD);
        int bands = options.get(NearDedupOptions.BANDS);
        int rows = options.get(NearDedupOptions.ROWS);
        if ((bands == 0) != (rows == 0)) {
            throw new IllegalArgumentException(
                    "dedup.near.bands and dedup.near.rows must be set together (or both 0)");
        }
        LshBanding banding =
                bands == 0 ? LshBanding.optimal(threshold, numPerm) : new LshBanding(bands, rows);
        MinHashModel model =
                new MinHashModel(
                        options.get(NearDedupOptions.SHINGLE_SIZE),
                        numPerm,
                        banding,
                        threshold,
                        seed);
        Duration window = options.get(NearDedupOptions.WINDOW);
        if (window.isNegative()) {
            throw new IllegalArgumentException("dedup.near.window must not be negative");
        }
        return new NearDedupSettings(
                model,
                window,
                options.get(NearDedupOptions.MODE),
                options.get(DedupOptions.STATE_TTL));
    }
}

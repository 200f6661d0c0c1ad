package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Near-duplicate removal of texts (MinHash-LSH), after exact dedup. */
public final class NearDedupOptions {

    /** What happens to near duplicates. */
    public enum Mode {
        /** Drop them to the duplicates output; only kept records are representatives. */
        DROP,
        /**
         * Keep them, with the split key of their cluster representative, so that near duplicates
         * never straddle splits.
         */
        GROUP
    }

    public static final ConfigOption<Boolean> ENABLED =
            key("dedup.near.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Find near-duplicate texts (MinHash-LSH over word shingles) after exact "
                                    + "dedup, and drop or group them (dedup.near.mode).");

    public static final ConfigOption<Mode> MODE =
            key("dedup.near.mode")
                    .enumType(Mode.class)
                    .defaultValue(Mode.DROP)
                    .withDescription(
                            "DROP sends near duplicates to the duplicates output (kind near). "
                                    + "GROUP keeps them and derives their split from their cluster "
                                    + "representative, so near duplicates never straddle "
                                    + "train/validation/test.");

    public static final ConfigOption<Double> THRESHOLD =
            key("dedup.near.threshold")
                    .doubleType()
                    .defaultValue(0.8)
                    .withDescription(
                            "Estimated Jaccard similarity of the shingle sets at or above which two "
                                    + "texts are near duplicates; in (0, 1].");

    public static final ConfigOption<Integer> SHINGLE_SIZE =
            key("dedup.near.shingle-size")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "Words per shingle (word n-grams of the lower-cased normalized text). "
                                    + "Texts with fewer words have one shingle of all their words.");

    public static final ConfigOption<Integer> NUM_PERM =
            key("dedup.near.num-perm")
                    .intType()
                    .defaultValue(128)
                    .withDescription(
                            "MinHash permutations (signature length). State per kept record is "
                                    + "about 2 bytes per permutation plus the band entries.");

    public static final ConfigOption<Integer> BANDS =
            key("dedup.near.bands")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "LSH bands; 0 picks bands and rows from the threshold (minimum weighted "
                                    + "false-positive and false-negative probability). Set together "
                                    + "with dedup.near.rows.");

    public static final ConfigOption<Integer> ROWS =
            key("dedup.near.rows")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Signature values per LSH band; 0 picks them from the threshold. "
                                    + "bands x rows must not exceed dedup.near.num-perm.");

    public static final ConfigOption<Duration> WINDOW =
            key("dedup.near.window")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "A record is a near duplicate of representatives at most this much "
                                    + "earlier in event time (ties broken by id). Index state per "
                                    + "representative lives this long in event time.");

    private NearDedupOptions() {}
}

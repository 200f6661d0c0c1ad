package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/** Online class balancing (between dedup and augmentation). */
public final class BalanceOptions {

    public static final ConfigOption<Boolean> ENABLED =
            key("balance.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Balance labelled records towards balance.weights per event-time "
                                    + "horizon: under-sample classes above their target, ask "
                                    + "augmentation for extra variants of classes below it. "
                                    + "Unlabelled records pass untouched.");

    public static final ConfigOption<Duration> HORIZON =
            key("balance.horizon")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "Event-time span whose class counts decide the sampling rates. Records "
                                    + "wait until the watermark passes the end of their pane, so "
                                    + "this (or balance.slide) is the stage's added latency.");

    public static final ConfigOption<Duration> SLIDE =
            key("balance.slide")
                    .durationType()
                    .noDefaultValue()
                    .withDescription(
                            "If set, a sliding horizon: records are decided per pane of this "
                                    + "length, with rates from the counts of the balance.horizon "
                                    + "ending with the pane. Must divide balance.horizon. Unset: "
                                    + "tumbling panes of balance.horizon.");

    public static final ConfigOption<List<String>> WEIGHTS =
            key("balance.weights")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Target class distribution as 'label:weight' entries (weights are "
                                    + "renormalized over the classes present in a horizon). "
                                    + "Labels without a weight pass untouched. Empty: uniform over "
                                    + "the classes present in the horizon.");

    public static final ConfigOption<Double> MAX_FACTOR =
            key("balance.max-factor")
                    .doubleType()
                    .defaultValue(4.0)
                    .withDescription(
                            "Most output records per input record of a class (1 original plus "
                                    + "extra augmented variants), averaged over the class in a "
                                    + "pane. 1 disables over-sampling. Bounds how far a rare class "
                                    + "is raised, and so how many records of frequent classes "
                                    + "are kept.");

    /** How large a horizon's balanced output is. */
    public enum Size {
        /** About as many records as the horizon's input (under- and over-sampling). */
        INPUT,
        /** As many as balance.max-factor lets the rarest class reach (mostly over-sampling). */
        LARGEST
    }

    public static final ConfigOption<Size> SIZE =
            key("balance.size")
                    .enumType(Size.class)
                    .defaultValue(Size.INPUT)
                    .withDescription(
                            "INPUT: a horizon's output (kept records plus extra variants) has as "
                                    + "many records as its input, so frequent classes are "
                                    + "under-sampled and rare ones over-sampled; fewer if "
                                    + "balance.max-factor cannot raise the rarest class that far. "
                                    + "LARGEST: as many as balance.max-factor lets the rarest "
                                    + "class reach, so classes are mostly over-sampled.");

    public static final ConfigOption<Double> TOLERANCE =
            key("balance.tolerance")
                    .doubleType()
                    .defaultValue(0.0)
                    .withDescription(
                            "Total-variation distance from the target allowed per horizon in "
                                    + "exchange for keeping more records: 0 hits the target "
                                    + "exactly (up to rounding), so the rarest class times "
                                    + "balance.max-factor caps every class's count.");

    public static final ConfigOption<Duration> STATE_TTL =
            key("balance.state-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "Safety-net time-to-live (processing time) of the balancing state. "
                                    + "Timers clear it when the watermark passes a pane; the TTL "
                                    + "only matters if event time stops advancing.");

    private BalanceOptions() {}
}

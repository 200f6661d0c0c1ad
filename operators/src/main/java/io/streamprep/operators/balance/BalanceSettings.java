package io.streamprep.operators.balance;

import io.streamprep.schemas.config.BalanceOptions;
import io.streamprep.schemas.config.PipelineOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Every knob of class balancing ({@link BalanceOptions}), read once into an immutable, serializable
 * value.
 *
 * @param horizonMs event-time span whose class counts decide the rates ({@code balance.horizon})
 * @param slideMs length of the panes records are decided in; equal to {@code horizonMs} for
 *     tumbling panes ({@code balance.slide})
 * @param weights target weight per label; empty for uniform over the present classes ({@code
 *     balance.weights})
 * @param maxFactor most output records per input record of a class ({@code balance.max-factor})
 * @param keepInputSize whether a horizon's output is capped at its input size ({@code balance.size}
 *     INPUT) rather than as large as the max factor allows (LARGEST)
 * @param tolerance total-variation distance allowed per horizon to keep more records ({@code
 *     balance.tolerance})
 * @param seed {@code pipeline.seed}
 * @param stateTtl safety-net state TTL, or {@code null} for none ({@code balance.state-ttl})
 * @throws IllegalArgumentException if a value is out of range; the message names the option key
 */
public record BalanceSettings(
        long horizonMs,
        long slideMs,
        TreeMap<String, Double> weights,
        double maxFactor,
        boolean keepInputSize,
        double tolerance,
        long seed,
        Duration stateTtl)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public BalanceSettings {
        if (horizonMs <= 0) {
            throw new IllegalArgumentException(
                    BalanceOptions.HORIZON.key()
                            + " must be positive, but is "
                            + horizonMs
                            + " ms");
        }
        if (slideMs <= 0 || slideMs > horizonMs || horizonMs % slideMs != 0) {
            throw new IllegalArgumentException(
                    BalanceOptions.SLIDE.key()
                            + " must be positive and divide "
                            + BalanceOptions.HORIZON.key()
                            + " ("
                            + horizonMs
                            + " ms), but is "
                            + slideMs
                            + " ms");
        }
        if (!(maxFactor >= 1.0) || maxFactor > 1_000) {
            throw new IllegalArgumentException(
                    BalanceOptions.MAX_FACTOR.key() + " must be in [1, 1000], but is " + maxFactor);
        }
        if (!(tolerance >= 0.0 && tolerance < 1.0)) {
            throw new IllegalArgumentException(
                    BalanceOptions.TOLERANCE.key() + " must be in [0, 1), but is " + tolerance);
        }
        weights = new TreeMap<>(weights);
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (!(e.getValue() > 0.0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException(
                        BalanceOptions.WEIGHTS.key()
                                + ": the weight of '"
                                + e.getKey()
                                + "' must be positive, but is "
                                + e.getValue());
            }
        }
    }

    /** Reads the {@code balance.*} options and {@code pipeline.seed}. */
    public static BalanceSettings fromConfig(ReadableConfig options) {
        long horizon = options.get(BalanceOptions.HORIZON).toMillis();
        long slide =
                options.getOptional(BalanceOptions.SLIDE).map(Duration::toMillis).orElse(horizon);
        return new BalanceSettings(
                horizon,
                slide,
                parseWeights(options.get(BalanceOptions.WEIGHTS)),
                options.get(BalanceOptions.MAX_FACTOR),
                options.get(BalanceOptions.SIZE) == BalanceOptions.Size.INPUT,
                options.get(BalanceOptions.TOLERANCE),
                options.get(PipelineOptions.SEED),
                options.get(BalanceOptions.STATE_TTL));
    }

    /** Parses {@code label:weight} entries; the label may itself contain ':'. */
    static TreeMap<String, Double> parseWeights(List<String> entries) {
        TreeMap<String, Double> weights = new TreeMap<>();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            String label = colon < 0 ? "" : entry.substring(0, colon).strip();
            double weight;
            try {
                weight = colon < 0 ? Double.NaN : Double.parseDouble(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                weight = Double.NaN;
            }
            if (label.isEmpty() || Double.isNaN(weight)) {
                throw new IllegalArgumentException(
                        BalanceOptions.WEIGHTS.key()
                                + ": expected 'label:weight', but got '"
                                + entry
                                + "'");
            }
            if (weights.put(label, weight) != null) {
                throw new IllegalArgumentException(
                        BalanceOptions.WEIGHTS.key() + ": label '" + label + "' is listed twice");
            }
        }
        return weights;
    }

    /** Whether records of this label take part in balancing (others pass untouched). */
    public boolean balances(String label) {
        return label != null && (weights.isEmpty() || weights.containsKey(label));
    }

    /** The end (exclusive) of the pane holding event time {@code t}. */
    public long paneEnd(long t) {
        return Math.floorDiv(t, slideMs) * slideMs + slideMs;
    }

    /** How many panes one horizon spans. */
    public int panesPerHorizon() {
        return (int) (horizonMs / slideMs);
    }
}

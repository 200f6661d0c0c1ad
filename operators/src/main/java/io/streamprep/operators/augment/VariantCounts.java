package io.streamprep.operators.augment;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.ConfigOption;

/**
 * How many augmented variants an original record gets, for text and image augmentation alike: its
 * class's count from a {@code label:count} option (else the global count), plus the extra variants
 * class balancing asked for, capped. The result depends on the record alone, so it is the same at
 * any parallelism and on replay.
 */
public final class VariantCounts {

    private VariantCounts() {}

    /**
     * Parses the {@code label:count} entries of a map option.
     *
     * @throws IllegalArgumentException naming the option and the label if a count is not a
     *     non-negative integer
     */
    public static Map<String, Integer> parse(
            ConfigOption<Map<String, String>> option, Map<String, String> raw) {
        Map<String, Integer> counts = new TreeMap<>();
        raw.forEach(
                (label, n) -> {
                    try {
                        counts.put(label.strip(), Integer.parseInt(n.strip()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                option.key()
                                        + ": count of '"
                                        + label
                                        + "' is not an integer: '"
                                        + n
                                        + "'");
                    }
                });
        return checked(option, counts);
    }

    /**
     * An unmodifiable, label-ordered copy of the counts.
     *
     * @throws IllegalArgumentException naming the option and the label if a count is negative
     */
    public static Map<String, Integer> checked(
            ConfigOption<?> option, Map<String, Integer> counts) {
        counts.forEach(
                (label, n) -> {
                    if (n < 0) {
                        throw new IllegalArgumentException(
                                option.key()
                                        + ": count of '"
                                        + label
                                        + "' must not be negative, but is "
                                        + n);
                    }
                });
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /**
     * The class's count (or {@code defaultCount} for an unlisted or missing label) plus {@code
     * extra}, within [0, {@code max}].
     */
    public static int of(
            Map<String, Integer> perClass, int defaultCount, String label, int extra, int max) {
        int base = label != null ? perClass.getOrDefault(label, defaultCount) : defaultCount;
        long wanted = (long) base + Math.max(0, extra);
        return (int) Math.max(0, Math.min(wanted, max));
    }
}

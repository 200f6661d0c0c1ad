package io.streamprep.jobs.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class balancing's before/after distribution, from the {@code balance.*} accumulators of {@link
 * io.streamprep.operators.balance.BalanceFunction} and {@code BalanceRouter}.
 *
 * @param in labelled records that entered balancing, per label (the distribution before)
 * @param kept original records kept, per label
 * @param extraVariants extra augmented variants requested, per label
 * @param sampledOut records under-sampled, per label
 * @param passed records passed untouched (unlabelled, or a label without a weight)
 * @param late records passed untouched because they were behind the watermark
 */
@JsonPropertyOrder({"in", "kept", "extra_variants", "out", "sampled_out", "passed", "late"})
public record BalanceStats(
        @JsonProperty("in") Map<String, Long> in,
        @JsonProperty("kept") Map<String, Long> kept,
        @JsonProperty("extra_variants") Map<String, Long> extraVariants,
        @JsonProperty("sampled_out") Map<String, Long> sampledOut,
        @JsonProperty("passed") long passed,
        @JsonProperty("late") long late) {

    /** The figures, or {@code null} if the run had no class balancing. */
    static BalanceStats fromAccumulators(Map<String, Object> accumulators) {
        Map<String, Long> in = new TreeMap<>();
        Map<String, Long> kept = new TreeMap<>();
        Map<String, Long> extra = new TreeMap<>();
        Map<String, Long> sampledOut = new TreeMap<>();
        long passed = 0;
        long late = 0;
        boolean any = false;
        for (Map.Entry<String, Object> e : accumulators.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("balance.") || !(e.getValue() instanceof Number number)) {
                continue;
            }
            any = true;
            long value = number.longValue();
            String rest = name.substring("balance.".length());
            if (rest.equals("passed")) {
                passed = value;
            } else if (rest.equals("late")) {
                late = value;
            } else if (rest.startsWith("in.")) {
                in.merge(rest.substring(3), value, Long::sum);
            } else if (rest.startsWith("out.")) {
                kept.merge(rest.substring(4), value, Long::sum);
            } else if (rest.startsWith("extra.")) {
                extra.merge(rest.substring(6), value, Long::sum);
            } else if (rest.startsWith("sampled_out.")) {
                sampledOut.merge(rest.substring(12), value, Long::sum);
            }
        }
        return any ? new BalanceStats(in, kept, extra, sampledOut, passed, late) : null;
    }

    /**
     * Records per label after balancing and augmentation: kept originals plus their extra variants
     * (the distribution after).
     */
    @JsonProperty("out")
    public Map<String, Long> out() {
        Map<String, Long> out = new TreeMap<>(kept);
        extraVariants.forEach((label, n) -> out.merge(label, n, Long::sum));
        return out;
    }

    public long sampledOutTotal() {
        return sampledOut.values().stream().mapToLong(Long::longValue).sum();
    }
}

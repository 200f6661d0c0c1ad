package io.streamprep.jobs.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures of one finished run, as printed in the summary and written to {@code stats.json}.
 * Built from the job's accumulators (see {@link io.streamprep.operators.common.PipelineCounters}).
 *
 * @param recordsIn records read from the source (lines or Kafka records)
 * @param sourcesOut source records that produced training records, per split
 * @param recordsOut training records written (token windows and variants), per split
 * @param byClass training records per split and label ({@code (none)} for unlabelled)
 * @param deadLetters rejected records per reason code
 * @param duplicates duplicates per kind
 * @param lateRecords records behind the watermark when they reached dedup
 * @param balance class balancing's before/after distributions, or {@code null} without balancing
 * @param tokens real (non-padding) tokens written
 * @param wallTimeMillis wall-clock time of the job
 * @param counters every other counter, by family and name (for example {@code pii}, {@code dedup},
 *     and the families of later stages such as augmentation), so no counter is missing from
 *     stats.json
 * @param annotation weak-label and annotation counters and inter-annotator agreement (see {@link
 *     AnnotationStats}); empty, and left out of {@code stats.json}, when those stages are off
 */
@JsonPropertyOrder({
    "records_in",
    "records_out_total",
    "records_out",
    "sources_out",
    "by_class",
    "dead_letters_total",
    "dead_letters",
    "duplicates_total",
    "duplicates",
    "late_records",
    "balance",
    "tokens",
    "wall_time_ms",
    "records_per_second",
    "counters",
    "annotation"
})
public record RunStats(
        @JsonProperty("records_in") long recordsIn,
        @JsonProperty("sources_out") Map<String, Long> sourcesOut,
        @JsonProperty("records_out") Map<String, Long> recordsOut,
        @JsonProperty("by_class") Map<String, Map<String, Long>> byClass,
        @JsonProperty("dead_letters") Map<String, Long> deadLetters,
        @JsonProperty("duplicates") Map<String, Long> duplicates,
        @JsonProperty("late_records") long lateRecords,
        @JsonProperty("balance") @JsonInclude(JsonInclude.Include.NON_NULL) BalanceStats balance,
        @JsonProperty("tokens") long tokens,
        @JsonProperty("wall_time_ms") long wallTimeMillis,
        @JsonProperty("counters") Map<String, Map<String, Long>> counters,
        @JsonProperty("annotation") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                Map<String, Object> annotation) {

    private static final String[] SPLITS = {"train", "validation", "test"};

    /** Families with fields of their own; every other family goes to {@code counters}. */
    private static final Set<String> OWN_FIELDS =
            Set.of("in", "out", "dlq", "duplicates", "balance", "annotation", "weak_labels");

    /** Reads the figures from a job's accumulator results. */
    public static RunStats fromAccumulators(Map<String, Object> accumulators, long wallTimeMillis) {
        Map<String, Long> sourcesOut = splits();
        Map<String, Long> recordsOut = splits();
        Map<String, Map<String, Long>> byClass = new TreeMap<>();
        for (String split : SPLITS) {
            byClass.put(split, new TreeMap<>());
        }
        Map<String, Long> deadLetters = new TreeMap<>();
        Map<String, Long> duplicates = new TreeMap<>();
        long recordsIn = 0;
        long late = 0;
        long tokens = 0;
        Map<String, Map<String, Long>> counters = new TreeMap<>();
        for (Map.Entry<String, Object> e : accumulators.entrySet()) {
            String name = e.getKey();
            if (!(e.getValue() instanceof Number number)) {
                continue;
            }
            long value = number.longValue();
            int familyEnd = name.indexOf('.');
            if (familyEnd > 0 && !OWN_FIELDS.contains(name.substring(0, familyEnd))) {
                counters.computeIfAbsent(name.substring(0, familyEnd), k -> new TreeMap<>())
                        .merge(name.substring(familyEnd + 1), value, Long::sum);
            }
            if (name.equals("in.records")) {
                recordsIn = value;
            } else if (name.equals("out.tokens")) {
                tokens = value;
            } else if (name.equals("dedup.late")) {
                late = value;
            } else if (name.startsWith("out.records.")) {
                recordsOut.merge(name.substring("out.records.".length()), value, Long::sum);
            } else if (name.startsWith("out.sources.")) {
                sourcesOut.merge(name.substring("out.sources.".length()), value, Long::sum);
            } else if (name.startsWith("out.label.")) {
                String rest = name.substring("out.label.".length());
                int dot = rest.indexOf('.');
                byClass.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>())
                        .merge(rest.substring(dot + 1), value, Long::sum);
            } else if (name.startsWith("dlq.")) {
                deadLetters.merge(name.substring("dlq.".length()), value, Long::sum);
            } else if (name.startsWith("duplicates.")) {
                duplicates.merge(name.substring("duplicates.".length()), value, Long::sum);
            }
        }
        return new RunStats(
                recordsIn,
                sourcesOut,
                recordsOut,
                byClass,
                deadLetters,
                duplicates,
                late,
                BalanceStats.fromAccumulators(accumulators),
                tokens,
                wallTimeMillis,
                counters,
                AnnotationStats.fromAccumulators(accumulators));
    }

    private static Map<String, Long> splits() {
        Map<String, Long> m = new TreeMap<>();
        for (String split : SPLITS) {
            m.put(split, 0L);
        }
        return m;
    }

    @JsonProperty("records_out_total")
    public long recordsOutTotal() {
        return sum(recordsOut);
    }

    @JsonProperty("dead_letters_total")
    public long deadLettersTotal() {
        return sum(deadLetters);
    }

    @JsonProperty("duplicates_total")
    public long duplicatesTotal() {
        return sum(duplicates);
    }

    /** Source records that made it to a split. */
    public long sourcesOutTotal() {
        return sum(sourcesOut);
    }

    @JsonProperty("records_per_second")
    public double recordsPerSecond() {
        return wallTimeMillis == 0 ? 0.0 : recordsIn * 1000.0 / wallTimeMillis;
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }
}

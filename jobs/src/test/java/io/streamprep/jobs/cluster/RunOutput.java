package io.streamprep.jobs.cluster;

import io.streamprep.jobs.testing.KafkaTestEnvironment;
import io.streamprep.jobs.testing.OutputTopics;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one pipeline run committed to its five output topics, as a {@code read_committed} consumer
 * sees it: every value of every topic, sorted per topic kind, plus the parsed records.
 *
 * @param values the UTF-8 values of each kind ({@code train}, {@code validation}, {@code test},
 *     {@code dlq}, {@code duplicates}), sorted
 */
record RunOutput(Map<String, List<String>> values) {

    /** Reads everything committed in the run's topics now. */
    static RunOutput read(KafkaTestEnvironment kafka, OutputTopics topics) {
        return new RunOutput(topics.committedValues(kafka));
    }

    List<TrainingRecord> training() {
        List<TrainingRecord> all = new ArrayList<>();
        for (String kind : List.of("train", "validation", "test")) {
            values.get(kind).forEach(v -> all.add(Json.fromString(v, TrainingRecord.class)));
        }
        return all;
    }

    List<DeadLetterRecord> deadLetters() {
        return values.get("dlq").stream()
                .map(v -> Json.fromString(v, DeadLetterRecord.class))
                .toList();
    }

    List<DuplicateRecord> duplicates() {
        return values.get("duplicates").stream()
                .map(v -> Json.fromString(v, DuplicateRecord.class))
                .toList();
    }

    /** The number of values of each kind, e.g. {@code {dlq=101, duplicates=820, ...}}. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        values.forEach((kind, list) -> counts.put(kind, list.size()));
        return counts;
    }

    /**
     * The values of this output that {@code other} lacks, counting repeats (multiset difference).
     */
    RunOutput minus(RunOutput other) {
        Map<String, List<String>> rest = new TreeMap<>();
        values.forEach(
                (kind, list) -> {
                    Map<String, Integer> remove = new HashMap<>();
                    other.values
                            .getOrDefault(kind, List.of())
                            .forEach(v -> remove.merge(v, 1, Integer::sum));
                    List<String> kept = new ArrayList<>();
                    for (String value : list) {
                        if (remove.getOrDefault(value, 0) > 0) {
                            remove.merge(value, -1, Integer::sum);
                        } else {
                            kept.add(value);
                        }
                    }
                    rest.put(kind, kept);
                });
        return new RunOutput(rest);
    }

    /** The total number of values. */
    int size() {
        return values.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Describes how two runs differ, as multisets of value bytes per topic kind, or returns null
     * when they are equal: per kind, how many values only one side has and a few examples.
     */
    static String difference(RunOutput a, String aName, RunOutput b, String bName) {
        StringBuilder diff = new StringBuilder();
        for (String kind : a.values.keySet()) {
            List<String> left = a.values.get(kind);
            List<String> right = Objects.requireNonNullElse(b.values.get(kind), List.of());
            if (left.equals(right)) {
                continue;
            }
            Map<String, Integer> balance = new HashMap<>();
            left.forEach(v -> balance.merge(v, 1, Integer::sum));
            right.forEach(v -> balance.merge(v, -1, Integer::sum));
            List<String> onlyLeft = new ArrayList<>();
            List<String> onlyRight = new ArrayList<>();
            balance.forEach(
                    (value, n) -> {
                        for (int i = 0; i < Math.abs(n); i++) {
                            (n > 0 ? onlyLeft : onlyRight).add(value);
                        }
                    });
            diff.append(
                    String.format(
                            "%s: %d values, %d only in %s, %d only in %s; e.g. %s / %s%n",
                            kind,
                            left.size(),
                            onlyLeft.size(),
                            aName,
                            onlyRight.size(),
                            bName,
                            examples(onlyLeft),
                            examples(onlyRight)));
        }
        return diff.isEmpty() ? null : diff.toString();
    }

    private static List<String> examples(List<String> values) {
        return values.stream()
                .sorted()
                .limit(3)
                .map(v -> v.length() > 300 ? v.substring(0, 300) + "..." : v)
                .toList();
    }
}

package io.streamprep.jobs.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The five outputs of a run as sorted value texts by kind ({@code train}, {@code validation},
 * {@code test}, {@code dlq}, {@code duplicates}), and multiset comparisons between runs that name
 * what differs instead of printing thousands of records.
 *
 * @param values the sorted value texts by kind
 */
record Outputs(Map<String, List<String>> values) {

    static final List<String> KINDS = List.of("train", "validation", "test", "dlq", "duplicates");

    private static final int EXAMPLES = 3;
    private static final int EXAMPLE_CHARS = 300;

    Outputs {
        Map<String, List<String>> copy = new TreeMap<>();
        values.forEach(
                (kind, list) -> {
                    List<String> sorted = new ArrayList<>(list);
                    sorted.sort(null);
                    copy.put(kind, List.copyOf(sorted));
                });
        values = copy;
    }

    /**
     * Reads the committed JSONL part files of a file-sink run: {@code <kind>/part-*}, hidden
     * (in-progress) files ignored.
     */
    static Outputs fromFolder(Path root) throws IOException {
        Map<String, List<String>> byKind = new HashMap<>();
        for (String kind : KINDS) {
            List<String> lines = new ArrayList<>();
            Path dir = root.resolve(kind);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        if (!file.getFileName().toString().startsWith(".")) {
                            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            byKind.put(kind, lines);
        }
        return new Outputs(byKind);
    }

    int count(String kind) {
        return values.getOrDefault(kind, List.of()).size();
    }

    /**
     * This run's outputs as if its input had come from {@code replacement} instead of {@code
     * topic}: dead letters name their source position, which includes the input topic.
     */
    Outputs withInputTopic(String topic, String replacement) {
        Map<String, List<String>> renamed = new HashMap<>(values);
        renamed.put(
                "dlq",
                values.getOrDefault("dlq", List.of()).stream()
                        .map(v -> v.replace("kafka:" + topic + "-", "kafka:" + replacement + "-"))
                        .toList());
        return new Outputs(renamed);
    }

    /** Asserts that every kind holds exactly the same values, with the same multiplicities. */
    void assertSameAs(Outputs expected, String what) {
        List<String> problems = new ArrayList<>();
        for (String kind : KINDS) {
            List<String> mine = values.getOrDefault(kind, List.of());
            List<String> theirs = expected.values.getOrDefault(kind, List.of());
            if (!mine.equals(theirs)) {
                problems.add(describe(kind, mine, theirs));
            }
        }
        assertThat(problems).as("%s: outputs that differ from the reference", what).isEmpty();
    }

    private static String describe(String kind, List<String> actual, List<String> expected) {
        Map<String, Integer> balance = new HashMap<>();
        expected.forEach(v -> balance.merge(v, 1, Integer::sum));
        actual.forEach(v -> balance.merge(v, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        balance.forEach(
                (value, n) -> {
                    for (int i = 0; i < Math.abs(n); i++) {
                        (n > 0 ? missing : extra).add(value);
                    }
                });
        missing.sort(null);
        extra.sort(null);
        return String.format(
                "%s: %d values instead of %d; %d missing, e.g. %s; %d extra, e.g. %s",
                kind,
                actual.size(),
                expected.size(),
                missing.size(),
                examples(missing),
                extra.size(),
                examples(extra));
    }

    private static List<String> examples(List<String> values) {
        return values.stream()
                .limit(EXAMPLES)
                .map(v -> v.length() > EXAMPLE_CHARS ? v.substring(0, EXAMPLE_CHARS) + "..." : v)
                .toList();
    }
}

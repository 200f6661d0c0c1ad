package io.streamprep.jobs.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.corpus.WordNetCorpus;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.operators.balance.BalanceTarget;
import io.streamprep.operators.common.StableHash;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class balancing on a real imbalanced corpus: the WordNet 3.1 definitions of six lexicographer
 * files (from 3,600 {@code adj.pert} down to 42 {@code noun.motive} records), balanced to uniform
 * over the present classes through the whole pipeline on a MiniCluster.
 *
 * <p>Records get event times spread over {@value #SPAN_HOURS} hours by a hash of their id, so all
 * classes arrive interleaved as in a live stream. The output distribution counts each kept record
 * plus the extra variants balancing asks augmentation for ({@code balance.out + balance.extra}).
 */
class WordNetBalanceITCase {

    private static final List<String> CLASSES =
            List.of(
                    "adj.pert",
                    "verb.change",
                    "noun.body",
                    "noun.feeling",
                    "verb.weather",
                    "noun.motive");
    private static final long SPAN_HOURS = 8;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path dir;

    private static Path input;
    private static final Map<String, Set<String>> idsByClass = new TreeMap<>();

    @BeforeAll
    static void writeCorpus() throws IOException {
        input = dir.resolve("wordnet-subset.jsonl");
        long span = SPAN_HOURS * 3_600_000L;
        List<TextRecord> records = new ArrayList<>();
        WordNetCorpus.forEach(
                WordNetCorpus.Options.all().withLabels(CLASSES),
                r -> {
                    long ts =
                            WordNetCorpus.BASE_TS
                                    + Math.floorMod(StableHash.hash64(7, r.id()), span);
                    records.add(new TextRecord(r.id(), ts, r.text(), r.label(), null));
                    idsByClass.computeIfAbsent(r.label(), k -> new HashSet<>()).add(r.id());
                });
        // In event-time order, as a live stream arrives.
        records.sort(Comparator.comparing(TextRecord::ts).thenComparing(TextRecord::id));
        try (OutputStream out = Files.newOutputStream(input)) {
            for (TextRecord r : records) {
                out.write(Json.toBytes(r));
                out.write('\n');
            }
        }
    }

    @Test
    void oneHorizonOverTheCorpusIsUniformAndTheSameAtParallelismOneAndTwo() throws Exception {
        List<String> settings = List.of("balance.horizon=1 d");
        Run p1 = run("single-p1", 1, settings);
        Run p2 = run("single-p2", 2, settings);

        p2.print("one 1-day horizon, parallelism 2");
        assertThat(p2.distance()).isLessThanOrEqualTo(0.05);
        p2.assertNothingVanishedAndNoMinorityDropped();
        p2.assertSameAs(p1);
    }

    @Test
    void slidingHorizonIsCloseToUniformAndTheSameInBatchAndStreaming() throws Exception {
        List<String> settings = List.of("balance.horizon=2 h", "balance.slide=30 min");
        Run batch = run("sliding-batch-p1", 1, settings);
        List<String> streaming = new ArrayList<>(settings);
        streaming.add("flink.execution.runtime-mode=STREAMING");
        streaming.add("flink.execution.checkpointing.interval=1 s");
        Run stream = run("sliding-streaming-p2", 2, streaming);

        stream.print("2 h horizon sliding by 30 min, STREAMING, parallelism 2");
        assertThat(stream.distance()).isLessThanOrEqualTo(0.05);
        stream.assertNothingVanishedAndNoMinorityDropped();
        stream.assertSameAs(batch);
    }

    private static Run run(String name, int parallelism, List<String> extra) throws Exception {
        Path out = dir.resolve(name);
        List<String> settings = new ArrayList<>();
        settings.add("source.file.path=" + input);
        settings.add("sink.file.path=" + out);
        settings.add("labels.list=" + String.join(";", CLASSES));
        settings.add("pipeline.parallelism=" + parallelism);
        settings.add("balance.enabled=true");
        settings.addAll(extra);
        JobExecutionResult result = PipelineRuns.run(settings);
        return new Run(result.getAllAccumulatorResults(), out);
    }

    /** One run's accumulators and output folder. */
    private record Run(Map<String, Object> accumulators, Path out) {

        Map<String, Long> family(String prefix) {
            Map<String, Long> m = new TreeMap<>();
            accumulators.forEach(
                    (k, v) -> {
                        if (k.startsWith(prefix)) {
                            m.put(k.substring(prefix.length()), ((Number) v).longValue());
                        }
                    });
            return m;
        }

        Map<String, Long> before() {
            return family("balance.in.");
        }

        /** Kept originals plus the extra variants augmentation will add, per class. */
        Map<String, Long> after() {
            Map<String, Long> after = new TreeMap<>(family("balance.out."));
            family("balance.extra.").forEach((k, v) -> after.merge(k, v, Long::sum));
            return after;
        }

        double distance() {
            Map<String, Long> uniform = new TreeMap<>();
            before().keySet().forEach(label -> uniform.put(label, 1L));
            return BalanceTarget.totalVariation(after(), uniform);
        }

        void print(String title) {
            Map<String, Long> before = before();
            Map<String, Long> after = after();
            long in = before.values().stream().mapToLong(Long::longValue).sum();
            long total = after.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> kept = family("balance.out.");
            Map<String, Long> extra = family("balance.extra.");
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "WordNet class balance, %s:%n", title));
            b.append(
                    String.format(
                            Locale.ROOT,
                            "  %-14s %7s %7s %7s %9s %7s %7s%n",
                            "class",
                            "in",
                            "share",
                            "kept",
                            "+variants",
                            "out",
                            "share"));
            for (String label : before.keySet()) {
                b.append(
                        String.format(
                                Locale.ROOT,
                                "  %-14s %7d %6.2f%% %7d %9d %7d %6.2f%%%n",
                                label,
                                before.get(label),
                                100.0 * before.get(label) / in,
                                kept.getOrDefault(label, 0L),
                                extra.getOrDefault(label, 0L),
                                after.getOrDefault(label, 0L),
                                100.0 * after.getOrDefault(label, 0L) / total));
            }
            Map<String, Long> uniform = new TreeMap<>();
            before.keySet().forEach(label -> uniform.put(label, 1L));
            b.append(
                    String.format(
                            Locale.ROOT,
                            "  total %d in, %d out, %d late; TVD to uniform before %.4f, after"
                                    + " %.4f%n",
                            in,
                            total,
                            family("balance.").getOrDefault("late", 0L),
                            BalanceTarget.totalVariation(before, uniform),
                            distance()));
            System.out.print(b);
        }

        void assertNothingVanishedAndNoMinorityDropped() throws IOException {
            Map<String, Set<String>> kept = idsByLabel(lines("train", "validation", "test"));
            Map<String, Set<String>> sampledOut = idsByLabel(lines("sampled-out"));
            Set<String> duplicates = new HashSet<>();
            for (String line : lines("duplicates")) {
                duplicates.add(Json.MAPPER.readTree(line).get("id").asText());
            }
            assertThat(lines("dlq")).isEmpty();
            Map<String, Long> before = before();
            Map<String, Long> after = after();
            for (String label : CLASSES) {
                Set<String> in = idsByClass.get(label);
                Set<String> seen = new HashSet<>(kept.getOrDefault(label, Set.of()));
                assertThat(seen).hasSize(family("balance.out.").get(label).intValue());
                Set<String> out = sampledOut.getOrDefault(label, Set.of());
                assertThat(out)
                        .hasSize(family("balance.sampled_out.").getOrDefault(label, 0L).intValue());
                assertThat(Collections.disjoint(seen, out)).as("kept and sampled out").isTrue();
                seen.addAll(out);
                in.stream().filter(duplicates::contains).forEach(seen::add);
                assertThat(seen).as("every record of " + label + " is accounted for").isEqualTo(in);
                if (before.get(label) < after.get(label)) {
                    assertThat(out).as("minority class " + label + " loses nothing").isEmpty();
                }
            }
            assertThat(after.get("noun.motive")).isGreaterThan(before.get("noun.motive"));
        }

        void assertSameAs(Run other) throws IOException {
            assertThat(family("balance.")).isEqualTo(other.family("balance."));
            for (String kind : List.of("train", "validation", "test", "sampled-out")) {
                assertThat(sorted(lines(kind))).as(kind).isEqualTo(sorted(other.lines(kind)));
            }
        }

        private static List<String> sorted(List<String> lines) {
            List<String> s = new ArrayList<>(lines);
            s.sort(null);
            return s;
        }

        private static Map<String, Set<String>> idsByLabel(List<String> lines) throws IOException {
            Map<String, Set<String>> m = new TreeMap<>();
            for (String line : lines) {
                JsonNode node = Json.MAPPER.readTree(line);
                String id =
                        node.has("source_id")
                                ? node.get("source_id").asText()
                                : node.get("id").asText();
                m.computeIfAbsent(node.get("label").asText(), k -> new HashSet<>()).add(id);
            }
            return m;
        }

        List<String> lines(String... kinds) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String kind : kinds) {
                Path folder = out.resolve(kind);
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        if (!f.getFileName().toString().startsWith(".")) {
                            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return lines;
        }
    }
}

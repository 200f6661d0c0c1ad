package io.streamprep.jobs.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.stats.BalanceStats;
import io.streamprep.jobs.stats.RunStats;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.operators.balance.BalanceTarget;
import io.streamprep.operators.common.StableHash;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class balancing of images on real data: every Tango icon (Debian's tango-icon-theme, 32x32, one
 * file per drawing) labelled by its real category folder, naturally imbalanced (69 {@code actions}
 * down to 7 {@code emblems}). One event-time horizon covers the whole input; balancing is uniform
 * over the classes, with the default {@code balance.max-factor} and {@code balance.size}, and
 * augmentation makes only the variants balancing asks for.
 *
 * <p>The distribution after is counted in the real training output (originals plus augmented
 * variants of every split), not taken from the balancer's counters.
 */
class ImageBalanceITCase {

    /** Every category folder but {@code animations} (one spinner sprite sheet, not a class). */
    private static final List<String> CLASSES =
            List.of(
                    "actions",
                    "apps",
                    "categories",
                    "devices",
                    "emblems",
                    "emotes",
                    "mimetypes",
                    "places",
                    "status");

    private static final long HOUR = 3_600_000L;
    private static final long BASE_TS = 1_700_000_000_000L / HOUR * HOUR;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path dir;

    private static Path input;
    private static final Map<String, Long> inputByClass = new TreeMap<>();

    @BeforeAll
    static void writeCorpus() throws IOException {
        List<String[]> records = new ArrayList<>();
        for (String label : CLASSES) {
            List<Path> icons;
            try (Stream<Path> s = Files.list(ImageCorpus.TANGO.resolve(label))) {
                icons =
                        s.filter(p -> p.toString().endsWith(".png"))
                                .filter(p -> !Files.isSymbolicLink(p))
                                .sorted()
                                .toList();
            }
            for (Path icon : icons) {
                String id = label + "/" + icon.getFileName();
                // Spread over half an hour by a hash of the id: classes arrive interleaved.
                long ts = BASE_TS + Math.floorMod(StableHash.hash64(7, id), HOUR / 2);
                String line =
                        "{\"id\":\""
                                + id
                                + "\",\"ts\":"
                                + ts
                                + ",\"label\":\""
                                + label
                                + "\",\"image\":{\"bytes\":\""
                                + Base64.getEncoder().encodeToString(Files.readAllBytes(icon))
                                + "\"}}";
                records.add(new String[] {Long.toString(ts), id, line});
                inputByClass.merge(label, 1L, Long::sum);
            }
        }
        records.sort(
                Comparator.<String[]>comparingLong(r -> Long.parseLong(r[0]))
                        .thenComparing(r -> r[1]));
        input = dir.resolve("tango.jsonl");
        try (OutputStream out = Files.newOutputStream(input)) {
            for (String[] r : records) {
                out.write(r[2].getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
    }

    @Test
    void oneHorizonBalancesTheTangoCategoriesTheSameAtParallelismOneAndTwo() throws Exception {
        Run p1 = run("p1", 1, "BATCH");
        Run p2 = run("p2", 2, "STREAMING");

        Map<String, Long> before = p2.balance().in();
        Map<String, Long> after = p2.outputByClass();
        double tvdInput = BalanceTarget.totalVariation(inputByClass, uniform());
        double tvdBefore = BalanceTarget.totalVariation(before, uniform());
        double tvdAfter = BalanceTarget.totalVariation(after, uniform());
        p2.print(before, after, tvdInput, tvdBefore, tvdAfter);

        assertThat(before.keySet()).containsExactlyElementsOf(CLASSES);
        assertThat(tvdBefore).isGreaterThan(0.2);
        assertThat(tvdAfter).isLessThanOrEqualTo(0.05);
        assertThat(after).isEqualTo(p2.balance().out());

        long totalIn = before.values().stream().mapToLong(Long::longValue).sum();
        double target = (double) totalIn / CLASSES.size();
        Map<String, Set<String>> originals = p2.originalIdsByClass();
        Map<String, Set<String>> sampledOut = p2.sampledOutIdsByClass();
        Map<String, Long> variants = p2.variantsByClass();
        List<String> minority = new ArrayList<>();
        for (String label : CLASSES) {
            long in = before.get(label);
            int kept = originals.getOrDefault(label, Set.of()).size();
            int dropped = sampledOut.getOrDefault(label, Set.of()).size();
            // Nothing vanishes: each image entering balancing is kept or sampled out.
            assertThat(kept + dropped).as(label).isEqualTo(in);
            if (in < target) {
                minority.add(label);
                assertThat(dropped).as("minority %s sampled out", label).isZero();
                assertThat(variants.getOrDefault(label, 0L))
                        .as("augmented variants of minority %s", label)
                        .isPositive()
                        .isEqualTo(p2.balance().extraVariants().get(label));
            } else {
                assertThat(variants.getOrDefault(label, 0L)).as(label).isZero();
            }
        }
        assertThat(minority).contains("emblems", "places", "categories");

        assertThat(p2.lines()).isEqualTo(p1.lines());
    }

    @Test
    void perClassCountsAloneAugmentOnlyTheListedClasses() throws Exception {
        Path out = dir.resolve("per-class");
        JobExecutionResult result =
                PipelineRuns.run(
                        List.of(
                                "pipeline.kind=IMAGE",
                                "source.file.path=" + input,
                                "sink.file.path=" + out,
                                "pipeline.parallelism=2",
                                "labels.list=" + String.join(";", CLASSES),
                                "image.size=32",
                                "image.augment.variants-per-class=emblems:2,places:1"));
        Run run = new Run(result.getAllAccumulatorResults(), out);

        assertThat(run.balance()).isNull();
        assertThat(run.variantsByClass())
                .containsExactly(
                        Map.entry("emblems", 2 * inputByClass.get("emblems")),
                        Map.entry("places", inputByClass.get("places")));
        assertThat(run.sampledOutIdsByClass()).isEmpty();
    }

    private static Map<String, Long> uniform() {
        Map<String, Long> uniform = new TreeMap<>();
        CLASSES.forEach(label -> uniform.put(label, 1L));
        return uniform;
    }

    private static Run run(String name, int parallelism, String mode) throws Exception {
        Path out = dir.resolve(name);
        JobExecutionResult result =
                PipelineRuns.run(
                        List.of(
                                "pipeline.kind=IMAGE",
                                "source.file.path=" + input,
                                "sink.file.path=" + out,
                                "pipeline.parallelism=" + parallelism,
                                "flink.execution.runtime-mode=" + mode,
                                "labels.list=" + String.join(";", CLASSES),
                                "image.size=32",
                                "balance.enabled=true",
                                "balance.horizon=1 h"));
        return new Run(result.getAllAccumulatorResults(), out);
    }

    /** One run's accumulators and output folder. */
    private record Run(Map<String, Object> accumulators, Path out) {

        BalanceStats balance() {
            return RunStats.fromAccumulators(accumulators, 0).balance();
        }

        List<JsonNode> training() throws IOException {
            List<JsonNode> records = new ArrayList<>();
            for (String split : List.of("train", "validation", "test")) {
                for (String line : lines(out.resolve(split))) {
                    records.add(Json.MAPPER.readTree(line));
                }
            }
            return records;
        }

        Map<String, Long> outputByClass() throws IOException {
            Map<String, Long> byClass = new TreeMap<>();
            training().forEach(r -> byClass.merge(r.get("label").asText(), 1L, Long::sum));
            return byClass;
        }

        Map<String, Long> variantsByClass() throws IOException {
            Map<String, Long> byClass = new TreeMap<>();
            for (JsonNode r : training()) {
                if (r.get("variant").asInt() > 0) {
                    byClass.merge(r.get("label").asText(), 1L, Long::sum);
                }
            }
            return byClass;
        }

        Map<String, Set<String>> originalIdsByClass() throws IOException {
            Map<String, Set<String>> byClass = new TreeMap<>();
            for (JsonNode r : training()) {
                if (r.get("variant").asInt() == 0) {
                    byClass.computeIfAbsent(r.get("label").asText(), k -> new TreeSet<>())
                            .add(r.get("source_id").asText());
                }
            }
            return byClass;
        }

        Map<String, Set<String>> sampledOutIdsByClass() throws IOException {
            Map<String, Set<String>> byClass = new TreeMap<>();
            for (String line : lines(out.resolve("sampled-out"))) {
                JsonNode r = Json.MAPPER.readTree(line);
                byClass.computeIfAbsent(r.get("label").asText(), k -> new TreeSet<>())
                        .add(r.get("id").asText());
            }
            return byClass;
        }

        /** Every output line of every output, sorted: the output multiset. */
        List<String> lines() throws IOException {
            return lines(out);
        }

        private static List<String> lines(Path folder) throws IOException {
            List<String> values = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        if (!file.getFileName().toString().startsWith(".")) {
                            values.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            values.sort(null);
            return values;
        }

        void print(
                Map<String, Long> before,
                Map<String, Long> after,
                double tvdInput,
                double tvdBefore,
                double tvdAfter) {
            long in = before.values().stream().mapToLong(Long::longValue).sum();
            long total = after.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder b = new StringBuilder("Tango image class balance, one 1 h horizon:\n");
            b.append(
                    String.format(
                            Locale.ROOT,
                            "  %-11s %6s %6s %7s %6s %9s %6s %7s%n",
                            "class",
                            "input",
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
                                "  %-11s %6d %6d %6.2f%% %6d %9d %6d %6.2f%%%n",
                                label,
                                inputByClass.get(label),
                                before.get(label),
                                100.0 * before.get(label) / in,
                                balance().kept().getOrDefault(label, 0L),
                                balance().extraVariants().getOrDefault(label, 0L),
                                after.getOrDefault(label, 0L),
                                100.0 * after.getOrDefault(label, 0L) / total));
            }
            b.append(
                    String.format(
                            Locale.ROOT,
                            "  TVD from uniform: input %.4f, entering balance %.4f, output %.4f%n",
                            tvdInput,
                            tvdBefore,
                            tvdAfter));
            System.out.print(b);
        }
    }
}

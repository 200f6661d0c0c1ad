package io.streamprep.jobs.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprep.jobs.testing.Hyparquet;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.operators.common.StableHash;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structured-fields stage on a MiniCluster, on the shipped WordNet sample with numeric,
 * categorical and boolean {@code meta} fields derived from it: a bounded online run writes {@code
 * field-stats.json} with the exact two-pass figures of what it saw; runs with those statistics
 * frozen give identical outputs at parallelism 1 and 2; and the Parquet training records read back
 * by an independent reader (npm's hyparquet) equal the JSONL ones.
 */
class FieldsITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final List<String> SPLITS = List.of("train", "validation", "test");

    /** The statistics run declares no dropping treatment, so every record it sees is output. */
    private static final String OBSERVE =
            "chars: numeric;lemmas: numeric;pos: categorical, vocab=noun|verb;rated: boolean";

    private static final String TREAT =
            "chars: numeric, missing=median, outliers=iqr:3, scale=zscore;"
                    + "lemmas: numeric, missing=mean, outliers=zscore:3:drop, scale=minmax;"
                    + "pos: categorical, vocab=noun|verb, encode=onehot, missing=mode;"
                    + "rated: boolean, required";

    @TempDir static Path dir;

    private static Path input;

    @BeforeAll
    static void writeInput() throws IOException {
        input = dir.resolve("input.jsonl");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] line : SampleData.lines()) {
            out.write(withNumericMeta(line));
            out.write('\n');
        }
        Files.write(input, out.toByteArray());
    }

    /** Adds meta.chars (text length), meta.lemmas (lemma count) and meta.rated, some missing. */
    private static byte[] withNumericMeta(byte[] line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            return line;
        }
        if (node == null
                || !node.isObject()
                || !node.path("text").isTextual()
                || !node.path("meta").isObject()) {
            return line;
        }
        ObjectNode meta = (ObjectNode) node.get("meta");
        long h = StableHash.hash64(7, node.path("id").asText());
        if (Math.floorMod(h, 20) != 0) {
            meta.put("chars", node.get("text").asText().length());
        }
        if (Math.floorMod(h >> 8, 25) != 0) {
            meta.put("lemmas", meta.path("lemmas").size());
        } else {
            meta.remove("lemmas");
        }
        if (Math.floorMod(h >> 16, 50) != 0) {
            meta.put("rated", Math.floorMod(h >> 24, 3) == 0);
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void frozenStatisticsGiveTheSameOutputsAtParallelism1And2AndParquetReadsBack()
            throws Exception {
        Path statsRun = dir.resolve("stats-run");
        PipelineRuns.run(
                settings(
                        statsRun,
                        2,
                        OBSERVE,
                        "fields.stats.mode=ONLINE",
                        "dedup.exact.enabled=false"));
        Path statsFile = statsRun.resolve("field-stats.json");
        JsonNode stats = Json.MAPPER.readTree(statsFile.toFile());
        assertStatisticsAreTheTwoPassFigures(stats, readRecords(statsRun));

        Path frozen = dir.resolve("frozen-stats.json");
        Files.copy(statsFile, frozen);
        String frozenSettings = "fields.stats.file=" + frozen;
        Path p1 = dir.resolve("p1");
        Path p2 = dir.resolve("p2");
        PipelineRuns.run(settings(p1, 1, TREAT, "fields.stats.mode=FROZEN", frozenSettings));
        PipelineRuns.run(
                settings(
                        p2,
                        2,
                        TREAT,
                        "fields.stats.mode=FROZEN",
                        frozenSettings,
                        "sink.file.format=BOTH"));

        Map<String, List<String>> one = jsonlOutputs(p1);
        Map<String, List<String>> two = jsonlOutputs(p2);
        assertThat(two).isEqualTo(one);

        List<String> dlq = one.get("dlq");
        assertThat(dlq).anyMatch(l -> l.contains("\"reason\":\"missing_field\""));
        assertThat(dlq).anyMatch(l -> l.contains("\"reason\":\"outlier\""));
        List<JsonNode> records = readRecords(p1);
        String digest =
                "sha256:"
                        + HexFormat.of()
                                .formatHex(
                                        MessageDigest.getInstance("SHA-256")
                                                .digest(Files.readAllBytes(frozen)));
        assertThat(records)
                .allSatisfy(
                        r -> {
                            JsonNode f = r.get("features");
                            assertThat(f.get("_stats").get("file").asText()).isEqualTo(digest);
                            assertThat(f.get("rated").get("missing").asBoolean()).isFalse();
                            assertThat(f.get("pos").get("onehot")).hasSize(3);
                        });
        assertThat(records)
                .anyMatch(r -> r.get("features").get("chars").get("imputed").asBoolean());
        assertThat(records)
                .anyMatch(r -> r.get("features").get("chars").get("outlier").asBoolean());
        assertThat(records).anyMatch(r -> r.get("features").get("pos").get("id").asInt() == 0);

        assertParquetEqualsJsonl(p2);
    }

    private static List<String> settings(Path out, int parallelism, String fields, String... more) {
        List<String> s = new ArrayList<>();
        s.add("source.file.path=" + input);
        s.add("sink.file.path=" + out);
        s.add("pipeline.parallelism=" + parallelism);
        s.add("fields.declared=" + fields);
        s.addAll(List.of(more));
        return s;
    }

    private static void assertStatisticsAreTheTwoPassFigures(
            JsonNode stats, List<JsonNode> records) {
        List<Double> chars = new ArrayList<>();
        long noun = 0;
        long unknownPos = 0;
        for (JsonNode r : records) {
            JsonNode c = r.get("features").get("chars");
            if (!c.get("missing").asBoolean()) {
                chars.add(c.get("value").asDouble());
            }
            int pos = r.get("features").get("pos").get("id").asInt();
            noun += pos == 1 ? 1 : 0;
            unknownPos +=
                    pos == 0 && !r.get("features").get("pos").get("missing").asBoolean() ? 1 : 0;
        }
        double mean = chars.stream().mapToDouble(d -> d).sum() / chars.size();
        double variance =
                chars.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / chars.size();
        JsonNode c = stats.get("fields").get("chars");
        assertThat(chars.size()).isGreaterThan(1_500);
        assertThat(c.get("count").asLong()).isEqualTo(chars.size());
        assertThat(c.get("mean").asDouble()).isCloseTo(mean, within(1e-9 * mean));
        assertThat(c.get("std").asDouble()).isCloseTo(Math.sqrt(variance), within(1e-9 * mean));
        assertThat(c.get("min").asDouble()).isEqualTo(chars.stream().min(Double::compare).get());
        assertThat(c.get("max").asDouble()).isEqualTo(chars.stream().max(Double::compare).get());
        JsonNode pos = stats.get("fields").get("pos");
        assertThat(pos.get("counts").get("noun").asLong()).isEqualTo(noun);
        assertThat(pos.get("counts").get("<unknown>").asLong()).isEqualTo(unknownPos);
        assertThat(pos.get("mode").asText()).isEqualTo("noun");
    }

    private static void assertParquetEqualsJsonl(Path out) throws Exception {
        List<Path> parquetFiles = partFiles(out, ".parquet");
        assertThat(parquetFiles).isNotEmpty();
        Map<String, String> fromParquet = new TreeMap<>();
        for (String row : Hyparquet.install().read(parquetFiles)) {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(row);
            // JSON-typed columns are strings in Parquet: compare them as JSON
            if (node.hasNonNull("features")) {
                node.set("features", Json.MAPPER.readTree(node.get("features").asText()));
            }
            node.remove(
                    List.of("label", "augmentations", "label_confidence").stream()
                            .filter(k -> node.path(k).isNull())
                            .toList());
            fromParquet.put(node.get("id").asText(), Json.MAPPER.writeValueAsString(node));
        }
        Map<String, String> fromJsonl = new TreeMap<>();
        for (JsonNode r : readRecords(out)) {
            fromJsonl.put(r.get("id").asText(), Json.MAPPER.writeValueAsString(r));
        }
        assertThat(fromParquet).hasSize(fromJsonl.size()).isEqualTo(fromJsonl);
    }

    private static List<JsonNode> readRecords(Path out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String split : SPLITS) {
            for (String line : lines(out.resolve(split), ".jsonl")) {
                records.add(Json.MAPPER.readTree(line));
            }
        }
        return records;
    }

    private static Map<String, List<String>> jsonlOutputs(Path out) throws IOException {
        Map<String, List<String>> byKind = new TreeMap<>();
        for (String kind : List.of("train", "validation", "test", "dlq", "duplicates")) {
            List<String> lines = new ArrayList<>(lines(out.resolve(kind), ".jsonl"));
            lines.sort(null);
            byKind.put(kind, lines);
        }
        return byKind;
    }

    private static List<String> lines(Path folder, String suffix) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : partFiles(folder, suffix)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static List<Path> partFiles(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}

package io.streamprep.jobs.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.quality.CopyrightCorpus;
import io.streamprep.jobs.quality.CopyrightCorpus.Document;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near dedup gives the same outputs at parallelism 1 and 2 and in BATCH and STREAMING, on real near
 * duplicates (Debian copyright files) whose lines arrive out of event-time order (within the
 * watermark bound). In group mode nothing is dropped and every near duplicate lands in the split of
 * the record it duplicates.
 */
class NearDedupDeterminismITCase {

    private static final int MAX_FILE_BYTES = 8 * 1024;
    private static final int MAX_DOCUMENTS = 300;
    private static final long START = 1_735_689_600_000L;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path dir;

    private static Path input;

    @BeforeAll
    static void writeInput() throws IOException {
        List<Document> documents = CopyrightCorpus.load(Path.of("/usr/share/doc"), MAX_FILE_BYTES);
        documents = documents.subList(0, Math.min(MAX_DOCUMENTS, documents.size()));
        input = dir.resolve("input.jsonl");
        // Event time rises one second per document, but each block of four lines is written in
        // reverse: arrival order differs from event-time order by at most 3 s (bound: 5 s).
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            lines.add(
                    Json.toString(
                            new TextRecord(d.id(), START + i * 1_000L, d.text(), null, null)));
        }
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int block = 0; block < lines.size(); block += 4) {
                for (int i = Math.min(lines.size(), block + 4) - 1; i >= block; i--) {
                    w.write(lines.get(i));
                    w.newLine();
                }
            }
        }
    }

    @Test
    void sameOutputAtParallelismOneAndTwoInBatchAndStreaming() throws Exception {
        Path p1 = dir.resolve("batch-p1");
        JobExecutionResult one = run(p1, 1, "DROP", false);
        Outputs batch1 = Outputs.fromFolder(p1);
        Path p2 = batchAtParallelismTwo();
        Path s2 = dir.resolve("streaming-p2");
        run(s2, 2, "DROP", true);

        List<DuplicateRecord> near = nearDuplicates(p1);
        System.out.printf(
                "near dedup determinism: %d records, %d near duplicates%n",
                lineCount(input), near.size());
        assertThat(near).hasSizeGreaterThanOrEqualTo(20); // the input really has near duplicates
        assertThat(one.<Long>getAccumulatorResult("duplicates.near")).isEqualTo(near.size());
        Outputs.fromFolder(p2).assertSameAs(batch1, "BATCH at parallelism 2");
        Outputs.fromFolder(s2).assertSameAs(batch1, "STREAMING at parallelism 2");
    }

    @Test
    void groupModeKeepsNearDuplicatesInTheSplitOfTheirRepresentative() throws Exception {
        Path drop = batchAtParallelismTwo();
        Path group = dir.resolve("group");
        run(group, 2, "GROUP", true);

        Map<String, String> splitOf = new HashMap<>();
        for (String kind : List.of("train", "validation", "test")) {
            for (String line : Outputs.fromFolder(group).values().get(kind)) {
                TrainingRecord r = Json.fromString(line, TrainingRecord.class);
                splitOf.put(r.sourceId(), r.split());
            }
        }
        assertThat(nearDuplicates(group)).isEmpty();
        assertThat(splitOf).hasSize((int) lineCount(input));
        List<DuplicateRecord> pairs = nearDuplicates(drop);
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(20);
        long crossSplit =
                pairs.stream()
                        .filter(d -> !splitOf.get(d.id()).equals(splitOf.get(d.duplicateOf())))
                        .count();
        // by their own ids about a third of the pairs would straddle splits (0.8/0.1/0.1)
        assertThat(crossSplit).as("near-duplicate pairs in different splits").isZero();
    }

    @Test
    void exactAndNearDuplicatesShareTheDuplicatesOutput() throws Exception {
        Path out = dir.resolve("exact-and-near");
        List<String> settings = new ArrayList<>(settings(out, 2, "DROP"));
        settings.remove("dedup.exact.enabled=false");
        JobExecutionResult result = PipelineRuns.run(settings);

        Outputs outputs = Outputs.fromFolder(out);
        List<DuplicateRecord> duplicates =
                outputs.values().get("duplicates").stream()
                        .map(line -> Json.fromString(line, DuplicateRecord.class))
                        .toList();
        long exact = duplicates.stream().filter(d -> d.kind().equals("exact")).count();
        long near = duplicates.size() - exact;
        assertThat(exact).isPositive();
        assertThat(near).isPositive();
        assertThat(result.<Long>getAccumulatorResult("duplicates.exact")).isEqualTo(exact);
        assertThat(result.<Long>getAccumulatorResult("duplicates.near")).isEqualTo(near);
        long kept =
                outputs.values().get("train").size()
                        + outputs.values().get("validation").size()
                        + outputs.values().get("test").size();
        assertThat(kept + duplicates.size() + outputs.values().get("dlq").size())
                .isEqualTo(lineCount(input));
    }

    private static synchronized Path batchAtParallelismTwo() throws Exception {
        Path out = dir.resolve("batch-p2");
        if (!Files.isDirectory(out)) {
            run(out, 2, "DROP", false);
        }
        return out;
    }

    private static JobExecutionResult run(Path out, int parallelism, String mode, boolean streaming)
            throws Exception {
        List<String> settings = new ArrayList<>(settings(out, parallelism, mode));
        if (streaming) {
            settings.add("flink.execution.runtime-mode=STREAMING");
        }
        return PipelineRuns.run(settings);
    }

    private static List<String> settings(Path out, int parallelism, String mode) {
        return List.of(
                "source.file.path=" + input,
                "sink.file.path=" + out,
                "pipeline.parallelism=" + parallelism,
                "dedup.exact.enabled=false",
                "dedup.near.enabled=true",
                "dedup.near.mode=" + mode,
                "filter.max-chars=0",
                "tokenizer.max-length=16",
                "tokenizer.overflow=false");
    }

    private static List<DuplicateRecord> nearDuplicates(Path out) throws IOException {
        return Outputs.fromFolder(out).values().get("duplicates").stream()
                .map(line -> Json.fromString(line, DuplicateRecord.class))
                .filter(d -> d.kind().equals(DuplicateRecord.NEAR))
                .toList();
    }

    private static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }
}

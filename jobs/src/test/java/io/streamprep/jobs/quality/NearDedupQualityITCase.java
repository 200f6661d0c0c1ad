package io.streamprep.jobs.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.quality.CopyrightCorpus.Document;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.operators.normalize.NormalizationResult;
import io.streamprep.operators.normalize.NormalizerSettings;
import io.streamprep.operators.normalize.TextNormalizer;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-dedup quality on real text nobody here wrote: Debian's copyright files, one record per file,
 * through the real pipeline (exact dedup off, near dedup on with its defaults: 5-word shingles, 128
 * permutations, threshold 0.8). The ground truth is computed here by brute force: the exact Jaccard
 * similarity of the same shingle sets for every pair of normalized texts.
 *
 * <p>Definitions (records in (event time, id) order, all within the window):
 *
 * <ul>
 *   <li>truth "any": a record with at least one earlier record at exact Jaccard >= 0.8;
 *   <li>truth "greedy": the operator's own rule with exact Jaccard instead of MinHash-LSH (a record
 *       is a duplicate when an earlier <em>kept</em> record is at >= 0.8; its {@code duplicate_of}
 *       is the earliest such);
 *   <li>predicted: a record in the duplicates output with kind {@code near}.
 * </ul>
 *
 * Precision and recall are over records against both truths; pair precision is the share of
 * reported ({@code id}, {@code duplicate_of}) pairs whose exact Jaccard is >= 0.8. The corpus
 * differs between machines, so the test fails loudly when it has too few true duplicates to measure
 * anything.
 */
class NearDedupQualityITCase {

    private static final double THRESHOLD = 0.8;
    private static final int MAX_FILE_BYTES = 32 * 1024;
    private static final int MIN_TRUE_DUPLICATES = 50;
    private static final long START = 1_735_689_600_000L;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path dir;

    @Test
    void findsTheNearDuplicateCopyrightFiles() throws Exception {
        long started = System.nanoTime();
        List<Document> documents = CopyrightCorpus.load(Path.of("/usr/share/doc"), MAX_FILE_BYTES);
        Path input = dir.resolve("copyright.jsonl");
        writeRecords(documents, input);

        // Ground truth on the texts as the pipeline normalizes them.
        TextNormalizer normalizer = new TextNormalizer(NormalizerSettings.defaults());
        ShingleSets shingleSets = new ShingleSets(5);
        List<String> ids = new ArrayList<>();
        List<int[]> sets = new ArrayList<>();
        for (Document d : documents) {
            NormalizationResult normalized = normalizer.normalize(d.text());
            if (normalized.isAccepted()) {
                ids.add(d.id());
                sets.add(shingleSets.of(normalized.text()));
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        boolean[] truthAny = new boolean[ids.size()];
        boolean[] exactCopy = new boolean[ids.size()];
        String[] greedyOf = new String[ids.size()];
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < ids.size(); r++) {
            for (int e = 0; e < r; e++) {
                if (ShingleSets.mayReach(sets.get(r), sets.get(e), THRESHOLD)) {
                    double j = ShingleSets.jaccard(sets.get(r), sets.get(e));
                    truthAny[r] |= j >= THRESHOLD;
                    exactCopy[r] |= j == 1.0;
                }
            }
            for (int e : kept) {
                if (ShingleSets.mayReach(sets.get(r), sets.get(e), THRESHOLD)
                        && ShingleSets.jaccard(sets.get(r), sets.get(e)) >= THRESHOLD) {
                    greedyOf[r] = ids.get(e);
                    break;
                }
            }
            if (greedyOf[r] == null) {
                kept.add(r);
            }
        }

        long truthDone = System.nanoTime();
        Path out = dir.resolve("out");
        PipelineRuns.run(
                List.of(
                        "source.file.path=" + input,
                        "sink.file.path=" + out,
                        "pipeline.parallelism=2",
                        "dedup.exact.enabled=false",
                        "dedup.near.enabled=true",
                        "filter.max-chars=0",
                        "tokenizer.max-length=16",
                        "tokenizer.overflow=false",
                        "sink.include-text=false"));
        System.out.printf(
                "ground truth %.1f s, pipeline %.1f s%n",
                (truthDone - started) / 1e9, (System.nanoTime() - truthDone) / 1e9);
        Map<String, DuplicateRecord> found = new HashMap<>();
        for (String line : lines(out.resolve("duplicates"))) {
            DuplicateRecord d = Json.fromString(line, DuplicateRecord.class);
            assertThat(d.kind()).isEqualTo(DuplicateRecord.NEAR);
            assertThat(found.put(d.id(), d)).as("reported twice: " + d.id()).isNull();
        }

        int any = 0;
        int greedy = 0;
        int nearNotExact = 0;
        int hitsAny = 0;
        int hitsGreedy = 0;
        int hitsNearNotExact = 0;
        int sameDuplicateOf = 0;
        for (int r = 0; r < ids.size(); r++) {
            DuplicateRecord d = found.get(ids.get(r));
            if (truthAny[r]) {
                any++;
                hitsAny += d != null ? 1 : 0;
                if (!exactCopy[r]) {
                    nearNotExact++;
                    hitsNearNotExact += d != null ? 1 : 0;
                }
            }
            if (greedyOf[r] != null) {
                greedy++;
                if (d != null) {
                    hitsGreedy++;
                    sameDuplicateOf += greedyOf[r].equals(d.duplicateOf()) ? 1 : 0;
                }
            }
        }
        int truePairs = 0;
        for (DuplicateRecord d : found.values()) {
            int r = index.get(d.id());
            int e = index.get(d.duplicateOf());
            assertThat(e).as("duplicate_of must be earlier").isLessThan(r);
            if (ShingleSets.jaccard(sets.get(r), sets.get(e)) >= THRESHOLD) {
                truePairs++;
            }
        }
        double precisionAny = ratio(hitsAny, found.size());
        double recallAny = ratio(hitsAny, any);
        double precisionGreedy = ratio(hitsGreedy, found.size());
        double recallGreedy = ratio(hitsGreedy, greedy);
        double pairPrecision = ratio(truePairs, found.size());
        System.out.printf(
                "Near dedup on %d Debian copyright files (%d reach dedup): reported %d%n"
                        + "  truth any    (earlier record at J>=0.8): %d, precision %.4f, recall"
                        + " %.4f%n"
                        + "  truth greedy (earlier kept record at J>=0.8): %d, precision %.4f,"
                        + " recall %.4f, same duplicate_of %d of %d%n"
                        + "  not exact copies (best earlier J in [0.8, 1)): %d, recall %.4f%n"
                        + "  pair precision (J(id, duplicate_of) >= 0.8): %.4f%n",
                documents.size(),
                ids.size(),
                found.size(),
                any,
                precisionAny,
                recallAny,
                greedy,
                precisionGreedy,
                recallGreedy,
                sameDuplicateOf,
                hitsGreedy,
                nearNotExact,
                ratio(hitsNearNotExact, nearNotExact),
                pairPrecision);

        assertThat(any)
                .as(
                        "this machine's /usr/share/doc has too few near-duplicate copyright files"
                                + " to measure near dedup")
                .isGreaterThanOrEqualTo(MIN_TRUE_DUPLICATES);
        assertThat(precisionAny).isGreaterThanOrEqualTo(0.95);
        assertThat(recallAny).isGreaterThanOrEqualTo(0.95);
        assertThat(precisionGreedy).isGreaterThanOrEqualTo(0.95);
        assertThat(recallGreedy).isGreaterThanOrEqualTo(0.95);
        assertThat(pairPrecision).isGreaterThanOrEqualTo(0.95);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0.0 : (double) a / b;
    }

    private static void writeRecords(List<Document> documents, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long ts = START;
            for (Document d : documents) {
                w.write(Json.toString(new TextRecord(d.id(), ts, d.text(), null, null)));
                w.newLine();
                ts += 1_000;
            }
        }
    }

    private static List<String> lines(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .flatMap(
                            p -> {
                                try {
                                    return Files.readAllLines(p).stream();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .toList();
        }
    }
}

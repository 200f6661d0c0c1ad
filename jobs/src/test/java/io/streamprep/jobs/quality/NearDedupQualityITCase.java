package io.streamprep.jobs.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.quality.CopyrightCorpus.Document;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.operators.dedup.near.Shingler;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<Document> documents = CopyrightCorpus.load(Path.of("/usr/share/doc"), MAX_FILE_BYTES);
        Quality q = measure("copyright files", documents, false);

        assertThat(q.any)
                .as(
                        "this machine's /usr/share/doc has too few near-duplicate copyright files"
                                + " to measure near dedup")
                .isGreaterThanOrEqualTo(MIN_TRUE_DUPLICATES);
        assertThat(q.precisionAny()).isGreaterThanOrEqualTo(0.95);
        assertThat(q.recallAny()).isGreaterThanOrEqualTo(0.95);
        assertThat(q.precisionGreedy()).isGreaterThanOrEqualTo(0.95);
        assertThat(q.recallGreedy()).isGreaterThanOrEqualTo(0.95);
        assertThat(q.pairPrecision()).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The harder case: the paragraphs of the same files (at least 40 words each) with exact dedup
     * on, so near dedup only sees texts that differ after normalization.
     */
    @Test
    void findsNearDuplicateParagraphsThatAreNotExactCopies() throws Exception {
        List<Document> paragraphs = new ArrayList<>();
        for (Document d : CopyrightCorpus.load(Path.of("/usr/share/doc"), MAX_FILE_BYTES)) {
            String[] parts = d.text().split("\\n\\s*\\n");
            for (int i = 0; i < parts.length; i++) {
                if (Shingler.words(parts[i]).size() >= 40) {
                    paragraphs.add(new Document(d.id() + "-" + i, parts[i]));
                }
            }
        }
        Quality q = measure("copyright paragraphs", paragraphs, true);

        assertThat(q.any)
                .as("too few near-duplicate paragraphs on this machine to measure near dedup")
                .isGreaterThanOrEqualTo(MIN_TRUE_DUPLICATES);
        // Regression bounds, below the 0.95 target: measured here (837 files, defaults)
        // precision 0.947, recall 0.819, pair precision 0.794; with num-perm 256 0.973, 0.838,
        // 0.881. Most of these pairs sit close to the threshold, where the 128-value estimate
        // (standard deviation 0.035) and the LSH S-curve both blur the line.
        assertThat(q.precisionAny()).isGreaterThanOrEqualTo(0.90);
        assertThat(q.recallAny()).isGreaterThanOrEqualTo(0.75);
        assertThat(q.pairPrecision()).isGreaterThanOrEqualTo(0.70);
    }

    private Quality measure(String name, List<Document> documents, boolean exactDedup)
            throws Exception {
        long started = System.nanoTime();
        Path input = dir.resolve(name.replace(' ', '-') + ".jsonl");
        writeRecords(documents, input);

        // Ground truth on the texts as the pipeline normalizes them; with exact dedup on, later
        // records with an already seen normalized text never reach near dedup.
        TextNormalizer normalizer = new TextNormalizer(NormalizerSettings.defaults());
        ShingleSets shingleSets = new ShingleSets(5);
        Set<String> texts = new HashSet<>();
        List<String> ids = new ArrayList<>();
        List<int[]> sets = new ArrayList<>();
        for (Document d : documents) {
            NormalizationResult normalized = normalizer.normalize(d.text());
            if (normalized.isAccepted() && (!exactDedup || texts.add(normalized.text()))) {
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
        Path out = dir.resolve(name.replace(' ', '-') + "-out");
        PipelineRuns.run(
                List.of(
                        "source.file.path=" + input,
                        "sink.file.path=" + out,
                        "pipeline.parallelism=2",
                        "dedup.exact.enabled=" + exactDedup,
                        "dedup.near.enabled=true",
                        "filter.max-chars=0",
                        "tokenizer.max-length=16",
                        "tokenizer.overflow=false",
                        "sink.include-text=false"));
        Map<String, DuplicateRecord> found = new HashMap<>();
        for (String line : lines(out.resolve("duplicates"))) {
            DuplicateRecord d = Json.fromString(line, DuplicateRecord.class);
            if (d.kind().equals(DuplicateRecord.NEAR)) {
                assertThat(found.put(d.id(), d)).as("reported twice: " + d.id()).isNull();
            }
        }

        Quality q = new Quality();
        q.reported = found.size();
        for (int r = 0; r < ids.size(); r++) {
            DuplicateRecord d = found.get(ids.get(r));
            if (truthAny[r]) {
                q.any++;
                q.hitsAny += d != null ? 1 : 0;
                if (!exactCopy[r]) {
                    q.nearNotExact++;
                    q.hitsNearNotExact += d != null ? 1 : 0;
                }
            }
            if (greedyOf[r] != null) {
                q.greedy++;
                if (d != null) {
                    q.hitsGreedy++;
                    q.sameDuplicateOf += greedyOf[r].equals(d.duplicateOf()) ? 1 : 0;
                }
            }
        }
        for (DuplicateRecord d : found.values()) {
            Integer r = index.get(d.id());
            Integer e = index.get(d.duplicateOf());
            assertThat(r).as("reported record reaches near dedup: " + d.id()).isNotNull();
            assertThat(e).as("duplicate_of must be earlier").isNotNull().isLessThan(r);
            if (ShingleSets.jaccard(sets.get(r), sets.get(e)) >= THRESHOLD) {
                q.truePairs++;
            }
        }
        System.out.printf(
                "Near dedup on %d %s (%d reach near dedup): reported %d%n"
                        + "  truth any    (earlier record at J>=0.8): %d, precision %.4f, recall"
                        + " %.4f%n"
                        + "  truth greedy (earlier kept record at J>=0.8): %d, precision %.4f,"
                        + " recall %.4f, same duplicate_of %d of %d%n"
                        + "  not shingle-identical (best earlier J in [0.8, 1)): %d, recall %.4f%n"
                        + "  pair precision (J(id, duplicate_of) >= 0.8): %.4f%n"
                        + "  ground truth %.1f s, pipeline %.1f s%n",
                documents.size(),
                name,
                ids.size(),
                q.reported,
                q.any,
                q.precisionAny(),
                q.recallAny(),
                q.greedy,
                q.precisionGreedy(),
                q.recallGreedy(),
                q.sameDuplicateOf,
                q.hitsGreedy,
                q.nearNotExact,
                ratio(q.hitsNearNotExact, q.nearNotExact),
                q.pairPrecision(),
                (truthDone - started) / 1e9,
                (System.nanoTime() - truthDone) / 1e9);
        return q;
    }

    /** Counts over records; see the class comment for the definitions. */
    private static final class Quality {
        int reported;
        int any;
        int greedy;
        int nearNotExact;
        int hitsAny;
        int hitsGreedy;
        int hitsNearNotExact;
        int sameDuplicateOf;
        int truePairs;

        double precisionAny() {
            return ratio(hitsAny, reported);
        }

        double recallAny() {
            return ratio(hitsAny, any);
        }

        double precisionGreedy() {
            return ratio(hitsGreedy, reported);
        }

        double recallGreedy() {
            return ratio(hitsGreedy, greedy);
        }

        double pairPrecision() {
            return ratio(truePairs, reported);
        }
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

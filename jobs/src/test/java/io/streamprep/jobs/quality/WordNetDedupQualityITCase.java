package io.streamprep.jobs.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.corpus.WordNetCorpus;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact-dedup quality on a real corpus nobody here wrote: all 117,791 WordNet 3.1 definitions,
 * whose repeated definitions are the ground truth (computed here independently, by plain text
 * equality, the first copy by (event time, id) being the original). Measures precision and recall
 * of the pipeline's duplicates output and checks every {@code duplicate_of}.
 */
class WordNetDedupQualityITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path dir;

    @Test
    void findsExactlyTheRepeatedDefinitions() throws Exception {
        Path input = dir.resolve("wordnet.jsonl");
        WordNetCorpus.write(input, WordNetCorpus.Options.all());

        // Ground truth: a record duplicates the first record (by ts, then id) with the same text.
        Map<String, String> firstByText = new HashMap<>();
        Map<String, String> truth = new HashMap<>();
        long records = 0;
        try (Stream<String> lines = Files.lines(input)) {
            for (TextRecord r :
                    (Iterable<TextRecord>)
                            lines.map(l -> Json.fromString(l, TextRecord.class))
                                            .sorted(
                                                    java.util.Comparator.comparing(TextRecord::ts)
                                                            .thenComparing(TextRecord::id))
                                    ::iterator) {
                records++;
                String first = firstByText.putIfAbsent(r.text().strip(), r.id());
                if (first != null) {
                    truth.put(r.id(), first);
                }
            }
        }

        Path out = dir.resolve("out");
        JobExecutionResult result =
                PipelineRuns.run(
                        List.of(
                                "source.file.path=" + input,
                                "sink.file.path=" + out,
                                "labels.list=" + String.join(";", WordNetCorpus.labels()),
                                "pipeline.parallelism=2"));

        Map<String, String> found = new HashMap<>();
        for (String line : lines(out.resolve("duplicates"))) {
            DuplicateRecord d = Json.fromString(line, DuplicateRecord.class);
            assertThat(found.put(d.id(), d.duplicateOf())).as("reported twice: " + d.id()).isNull();
        }
        Set<String> truePositives = new HashSet<>(found.keySet());
        truePositives.retainAll(truth.keySet());
        double precision = found.isEmpty() ? 0 : (double) truePositives.size() / found.size();
        double recall = (double) truePositives.size() / truth.size();
        System.out.printf(
                "WordNet exact dedup: %d records, %d true duplicates, %d reported, precision %.4f,"
                        + " recall %.4f%n",
                records, truth.size(), found.size(), precision, recall);

        assertThat(truth).hasSizeGreaterThan(800); // the corpus really has repeats
        assertThat(precision).isEqualTo(1.0);
        assertThat(recall).isEqualTo(1.0);
        assertThat(found).isEqualTo(truth);
        assertThat(result.<Long>getAccumulatorResult("in.records")).isEqualTo(records);
        assertThat(lines(out.resolve("dlq"))).isEmpty();
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
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                    .toList();
        }
    }
}

package io.streamprep.jobs.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.testing.PipelineRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image pipeline (exact and near dedup, one augmented variant) gives the same output multisets
 * at parallelism 1 in BATCH and at parallelism 2 in STREAMING, on real Tango icons with exact,
 * resized and JPEG re-encoded copies and the bad-image corpus, whose lines arrive in reverse
 * event-time order within blocks of four.
 */
class ImageDeterminismITCase {

    private static final List<String> KINDS =
            List.of("train", "validation", "test", "dlq", "duplicates");

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path dir;

    @Test
    void sameOutputsAtParallelismOneAndTwo() throws Exception {
        Path roots = Files.createDirectories(dir.resolve("files"));
        ImageCorpus corpus = ImageCorpus.build(6, roots, 32);
        Path input = dir.resolve("images.jsonl");
        List<byte[]> lines = corpus.lines;
        try (var out = Files.newOutputStream(input)) {
            for (int block = 0; block < lines.size(); block += 4) {
                for (int i = Math.min(lines.size(), block + 4) - 1; i >= block; i--) {
                    out.write(lines.get(i));
                    out.write('\n');
                }
            }
        }
        Map<String, List<String>> one = run(input, roots, dir.resolve("p1"), 1, "BATCH");
        Map<String, List<String>> two = run(input, roots, dir.resolve("p2"), 2, "STREAMING");

        assertThat(one.get("duplicates"))
                .filteredOn(line -> line.contains("\"kind\":\"near\""))
                .hasSize(corpus.nearDuplicates.size())
                .isNotEmpty();
        assertThat(one.get("train")).isNotEmpty();
        assertThat(one.get("dlq")).hasSize(corpus.bad.size() + 1);
        for (String kind : KINDS) {
            assertThat(two.get(kind)).as(kind).isEqualTo(one.get(kind));
        }
    }

    private static Map<String, List<String>> run(
            Path input, Path roots, Path out, int parallelism, String mode) throws Exception {
        PipelineRuns.run(
                List.of(
                        "pipeline.kind=IMAGE",
                        "source.file.path=" + input,
                        "sink.file.path=" + out,
                        "pipeline.parallelism=" + parallelism,
                        "flink.execution.runtime-mode=" + mode,
                        "labels.list=" + String.join(";", ImageCorpus.LABELS),
                        "image.file-roots=" + roots,
                        "image.size=32",
                        "image.augment.variants=1",
                        "image.dedup.near.enabled=true"));
        Map<String, List<String>> byKind = new TreeMap<>();
        for (String kind : KINDS) {
            List<String> values = new ArrayList<>();
            Path folder = out.resolve(kind);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        if (!file.getFileName().toString().startsWith(".")) {
                            values.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            values.sort(null);
            byKind.put(kind, values);
        }
        return byKind;
    }
}

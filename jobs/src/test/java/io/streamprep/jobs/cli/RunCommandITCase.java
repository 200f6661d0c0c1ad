package io.streamprep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.schemas.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamprep run} as users run it: the shipped example on the shipped sample on an embedded
 * local Flink, checked through the output folder and {@code stats.json}, plus the CLI's error
 * paths.
 */
class RunCommandITCase {

    @TempDir Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        System.setProperty("streamprep.home", SampleData.repoRoot().toString());
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("streamprep.home");
    }

    @Test
    void defaultRunWritesTheDocumentedLayoutAndStats() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("train"));
        Files.writeString(out.resolve(".streamprep-output"), "");
        Files.writeString(out.resolve("train/part-stale.jsonl"), "from an earlier run\n");

        int code = StreamprepCli.execute("run", "--output", out.toString());

        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lines(out.resolve("train"))).noneMatch(l -> l.contains("earlier run"));
        long train = lines(out.resolve("train")).size();
        long validation = lines(out.resolve("validation")).size();
        long test = lines(out.resolve("test")).size();
        List<String> dlq = lines(out.resolve("dlq"));
        List<String> duplicates = lines(out.resolve("duplicates"));
        assertThat(train + validation + test).isEqualTo(2_010);
        assertThat(dlq).hasSize(11);
        assertThat(duplicates).hasSize(11);

        JsonNode stats = Json.MAPPER.readTree(out.resolve("stats.json").toFile());
        assertThat(stats.get("records_in").asLong()).isEqualTo(2_032);
        assertThat(stats.at("/records_out/train").asLong()).isEqualTo(train);
        assertThat(stats.at("/records_out/validation").asLong()).isEqualTo(validation);
        assertThat(stats.at("/records_out/test").asLong()).isEqualTo(test);
        assertThat(stats.get("dead_letters_total").asLong()).isEqualTo(11);
        assertThat(stats.at("/dead_letters/wrong_type").asLong()).isEqualTo(2);
        assertThat(stats.at("/duplicates/exact").asLong()).isEqualTo(11);
        assertThat(stats.get("tokens").asLong()).isPositive();
        assertThat(stats.get("records_per_second").asDouble()).isPositive();
        assertThat(stats.at("/by_class/train/noun.animal").asLong()).isPositive();

        String summary = stdout.toString(StandardCharsets.UTF_8);
        assertThat(summary)
                .contains("records in", "2,032", "dead letters", "duplicates", "tokens")
                .contains("noun.animal", "records/s");
    }

    @Test
    void streamingOnRocksDbGivesTheSameOutputAsTheDefaultBatchRun() throws Exception {
        Path batch = dir.resolve("batch");
        Path streaming = dir.resolve("streaming");

        assertThat(StreamprepCli.execute("run", "--output", batch.toString())).isZero();
        assertThat(
                        StreamprepCli.execute(
                                "run",
                                "--output",
                                streaming.toString(),
                                "--set",
                                "flink.state.backend.type=rocksdb",
                                "--set",
                                "flink.execution.runtime-mode=STREAMING",
                                "--set",
                                "flink.execution.checkpointing.interval=1 s"))
                .as(stderr.toString(StandardCharsets.UTF_8))
                .isZero();

        for (String part : List.of("train", "validation", "test", "dlq", "duplicates")) {
            assertThat(sorted(lines(streaming.resolve(part))))
                    .as(part)
                    .isNotEmpty()
                    .isEqualTo(sorted(lines(batch.resolve(part))));
        }
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    @Test
    void configErrorsNameTheKeyAndFailBeforeTheJob() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "dedup:\n  exact:\n    windoww: 1 h\n");

        int code =
                StreamprepCli.execute(
                        "run",
                        "--config",
                        config.toString(),
                        "--output",
                        dir.resolve("o").toString());

        assertThat(code).isEqualTo(StreamprepCli.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("dedup.exact.windoww", config.toString(), "dedup.exact.window");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void refusesToWriteIntoAForeignFolderAndNamesMissingInputs() throws Exception {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");

        assertThat(StreamprepCli.execute("run", "--output", foreign.toString()))
                .isEqualTo(StreamprepCli.USAGE);
        assertThat(foreign.resolve("thesis.tex")).hasContent("precious");
        assertThat(StreamprepCli.execute("run", "--input", dir.resolve("nope.jsonl").toString()))
                .isEqualTo(StreamprepCli.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("not empty and was not written by streamprep", "nope.jsonl");
    }

    private static List<String> lines(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .flatMap(RunCommandITCase::readLines)
                    .toList();
        }
    }

    private static Stream<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

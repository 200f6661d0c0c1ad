package io.streamprep.jobs.cli;

import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamprep run}: the text pipeline from a file or Kafka to files or Kafka. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the text pipeline: parse, normalize, deduplicate, tokenize and split"
                    + " (or the image pipeline, with pipeline.kind: IMAGE).",
            "",
            "With no arguments it runs the shipped example config on the shipped sample data on an"
                    + " embedded local Flink and writes to ./out.",
            "Output folder layout: train/ validation/ test/ dlq/ duplicates/ (JSONL part files)"
                    + " and stats.json.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  bin/streamprep run",
            "  bin/streamprep run --input corpus.jsonl --output out --set labels.list='a;b;c'",
            "  bin/streamprep run --config config/kafka-example.yaml",
            "  bin/streamprep run --config config/image-example.yaml"
        })
final class RunCommand implements Callable<Integer> {

    static final String EXAMPLE_CONFIG = "config/example.yaml";
    static final String SAMPLE_DATA = "data/sample/wordnet-glosses.jsonl";

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file.")
    Path config;

    @Option(
            names = "--input",
            paramLabel = "PATH",
            description = "JSONL file or folder to read (sets source.type=FILE).")
    String input;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "Output folder (sets sink.type=FILE). Default: ./out")
    String output;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Parallelism of every operator.")
    Integer parallelism;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override one config key; repeatable. 'streamprep options' lists the keys.")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--detached",
            description =
                    "Submit the job and return without waiting (for clusters and unbounded"
                            + " sources). No summary or stats.json.")
    boolean detached;

    @Override
    public Integer call() throws Exception {
        return new PipelineLauncher(System.out, System.err).launch(this::loadConfig, detached);
    }

    private PipelineConfig loadConfig() {
        ConfigLoader loader = new ConfigLoader();
        Path home = home();
        if (config != null) {
            loader.file(config);
        } else if (input == null) {
            loader.file(home.resolve(EXAMPLE_CONFIG));
            loader.set(SourceOptions.TYPE.key(), "FILE", "shipped sample");
            loader.set(
                    SourceOptions.FILE_PATH.key(),
                    home.resolve(SAMPLE_DATA).toString(),
                    "shipped sample");
        }
        if (input != null) {
            loader.set(SourceOptions.TYPE.key(), "FILE", "--input");
            loader.set(SourceOptions.FILE_PATH.key(), input, "--input");
        }
        if (output != null) {
            loader.set(SinkOptions.TYPE.key(), "FILE", "--output");
            loader.set(SinkOptions.FILE_PATH.key(), output, "--output");
        }
        if (parallelism != null) {
            loader.set(PipelineOptions.PARALLELISM.key(), parallelism.toString(), "--parallelism");
        }
        for (String assignment : overrides) {
            loader.set(assignment);
        }
        return loader.load();
    }

    /** The installation folder (set by bin/streamprep), for the shipped config and sample data. */
    static Path home() {
        String home = System.getProperty("streamprep.home");
        return home == null ? Paths.get("").toAbsolutePath() : Paths.get(home);
    }
}

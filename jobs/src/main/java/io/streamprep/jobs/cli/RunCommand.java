package io.streamprep.jobs.cli;

import io.streamprep.jobs.config.ConfigException;
import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.jobs.io.OutputFolder;
import io.streamprep.jobs.io.PipelineIo;
import io.streamprep.jobs.runtime.Environments;
import io.streamprep.jobs.runtime.JobRunner;
import io.streamprep.jobs.stats.RunStats;
import io.streamprep.jobs.stats.SummaryPrinter;
import io.streamprep.jobs.text.TextPipelineJob;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamprep run}: the text pipeline from a file or Kafka to files or Kafka. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the text pipeline: parse, normalize, deduplicate, tokenize and split.",
            "",
            "With no arguments it runs the shipped example config on the shipped sample data on an"
                    + " embedded local Flink and writes to ./out.",
            "Output folder layout: train/ validation/ test/ dlq/ duplicates/ (JSONL part files)"
                    + " and stats.json."
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

    @Override
    public Integer call() throws Exception {
        PipelineConfig pipeline;
        PipelineIo io;
        try {
            pipeline = loadConfig();
            io = PipelineIo.fromConfig(pipeline.options());
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("streamprep: " + e.getMessage());
            return StreamprepCli.USAGE;
        }

        StreamExecutionEnvironment env = Environments.create(pipeline);
        try {
            new TextPipelineJob(pipeline.options(), io.source(), io.sinks()).build(env);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("streamprep: " + e.getMessage());
            return StreamprepCli.USAGE;
        }
        io.outputFolder().ifPresent(OutputFolder::prepare);
        System.err.println(
                "streamprep: reading " + io.describeSource() + ", writing " + io.describeSinks());

        long start = System.nanoTime();
        JobExecutionResult result;
        try {
            result =
                    new JobRunner(System.err)
                            .run(env, pipeline.options().get(PipelineOptions.NAME));
        } catch (Exception e) {
            System.err.println("streamprep: the job failed: " + rootMessage(e));
            e.printStackTrace(System.err);
            return StreamprepCli.FAILED;
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        RunStats stats = RunStats.fromAccumulators(result.getAllAccumulatorResults(), wallMillis);
        if (io.outputFolder().isPresent()) {
            Path statsFile = io.outputFolder().get().statsFile();
            Files.write(
                    statsFile,
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(stats));
        }
        SummaryPrinter.print(stats, io.describeSinks(), System.out);
        return 0;
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}

package io.streamprep.jobs.cli;

import io.streamprep.jobs.config.ConfigException;
import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamprep backfill}: a bounded replay of the input topic through the same pipeline and
 * configuration as the live job. Given the same records and config it produces the same output
 * records as the live run (see the README's determinism section).
 */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description = {
            "Replay the Kafka input topic from a start position to a stop position (bounded) through"
                    + " the pipeline of a live config, writing to a folder or to separate topics.",
            ""
        },
        footer = {
            "",
            "Positions: earliest | latest | committed | timestamp:<epoch-ms> |"
                    + " offsets:<partition>=<offset>,...",
            "The replay uses its own consumer group and transactional ids"
                    + " (<live value>-backfill) so it never disturbs the live job.",
            "",
            "Examples:",
            "  bin/streamprep backfill --config live.yaml --output backfill-out",
            "  bin/streamprep backfill --config live.yaml --from timestamp:1735689600000"
                    + " --to timestamp:1735776000000 --topic-suffix -backfill"
        })
final class BackfillCommand implements Callable<Integer> {

    static final String SUFFIX = "-backfill";

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The live job's YAML config (source.type must be KAFKA).")
    Path config;

    @Option(
            names = "--from",
            paramLabel = "POSITION",
            defaultValue = "earliest",
            description = "Where to start (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "POSITION",
            defaultValue = "latest",
            description =
                    "Where to stop, exclusive: latest (end offsets when the replay starts),"
                            + " timestamp:<ms> or offsets:... (default: ${DEFAULT-VALUE}).")
    String to;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    static final class Target {
        @Option(
                names = "--output",
                paramLabel = "DIR",
                description = "Write JSONL files to this folder (default: ./backfill-out).")
        String output;

        @Option(
                names = "--topic-suffix",
                paramLabel = "SUFFIX",
                description = "Write to the live output topics' names plus this suffix.")
        String topicSuffix;
    }

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Parallelism of every operator.")
    Integer parallelism;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return new PipelineLauncher(System.out, System.err).launch(this::loadConfig, false);
    }

    private PipelineConfig loadConfig() {
        PipelineConfig live = new ConfigLoader().file(config).load();
        if (live.options().get(SourceOptions.TYPE) != SourceOptions.SourceType.KAFKA) {
            throw new ConfigException(
                    "backfill replays a Kafka topic, but source.type in "
                            + config
                            + " is "
                            + live.options().get(SourceOptions.TYPE));
        }
        ConfigLoader loader = new ConfigLoader().file(config);
        String origin = "backfill";
        loader.set(SourceOptions.KAFKA_START.key(), from, "--from");
        loader.set(SourceOptions.KAFKA_STOP.key(), to, "--to");
        loader.set(
                SourceOptions.KAFKA_GROUP_ID.key(),
                live.options().get(SourceOptions.KAFKA_GROUP_ID) + SUFFIX,
                origin);
        loader.set(
                SinkOptions.KAFKA_TRANSACTIONAL_ID_PREFIX.key(),
                live.options().get(SinkOptions.KAFKA_TRANSACTIONAL_ID_PREFIX) + SUFFIX,
                origin);
        loader.set(
                PipelineOptions.NAME.key(),
                live.options().get(PipelineOptions.NAME) + SUFFIX,
                origin);
        if (target.topicSuffix != null) {
            loader.set(SinkOptions.TYPE.key(), "KAFKA", "--topic-suffix");
            for (var option :
                    List.of(
                            SinkOptions.KAFKA_TOPIC_TRAIN,
                            SinkOptions.KAFKA_TOPIC_VALIDATION,
                            SinkOptions.KAFKA_TOPIC_TEST,
                            SinkOptions.KAFKA_TOPIC_DLQ,
                            SinkOptions.KAFKA_TOPIC_DUPLICATES,
                            SinkOptions.KAFKA_TOPIC_SAMPLED_OUT)) {
                loader.set(
                        option.key(),
                        live.options().get(option) + target.topicSuffix,
                        "--topic-suffix");
            }
        } else {
            loader.set(SinkOptions.TYPE.key(), "FILE", "--output");
            loader.set(
                    SinkOptions.FILE_PATH.key(),
                    target.output != null ? target.output : "backfill-out",
                    "--output");
        }
        if (parallelism != null) {
            loader.set(PipelineOptions.PARALLELISM.key(), parallelism.toString(), "--parallelism");
        }
        for (String assignment : overrides) {
            loader.set(assignment);
        }
        PipelineConfig replay = loader.load();
        if (replay.options().get(SourceOptions.KAFKA_STOP).equals("never")) {
            throw new ConfigException("--to must be a stop position, not 'never'");
        }
        return replay;
    }
}

package io.streamprep.jobs.cluster;

import io.streamprep.jobs.corpus.WordNetCorpus;
import io.streamprep.jobs.testing.KafkaTestEnvironment;
import io.streamprep.jobs.testing.OutputTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The job configuration the cluster tests submit: Kafka in and out through the stack's broker,
 * EXACTLY_ONCE sinks, STREAMING mode with a checkpoint every 2 s, the 45 WordNet labels (so an
 * unknown label is dead-lettered), and otherwise the defaults of {@code bin/streamprep run}.
 */
final class ClusterJobs {

    private static final int OUTPUT_PARTITIONS = 2;

    private ClusterJobs() {}

    /** Writes the shared YAML config into {@code dir} and returns its path. */
    static Path writeConfig(Path dir, String bootstrapServers) {
        String yaml =
                String.join(
                        "\n",
                        "# Written by the cluster tests; per-run keys are passed with --set.",
                        "labels:",
                        "  list: [" + String.join(", ", WordNetCorpus.labels()) + "]",
                        "source:",
                        "  type: KAFKA",
                        "  kafka:",
                        "    bootstrap-servers: " + bootstrapServers,
                        "    start: earliest",
                        "sink:",
                        "  type: KAFKA",
                        "  kafka:",
                        "    bootstrap-servers: " + bootstrapServers,
                        "    delivery-guarantee: EXACTLY_ONCE",
                        "flink:",
                        "  execution.runtime-mode: STREAMING",
                        "  execution.checkpointing.interval: 2 s",
                        "");
        Path file = dir.resolve("streamprep-cluster-test.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Creates the input topic with unlimited retention: its records carry their event times (2025)
     * as Kafka timestamps, which the broker's default time-based retention (7 days) would delete
     * within minutes.
     */
    static void createInputTopic(KafkaTestEnvironment kafka, ClusterInput input) throws Exception {
        kafka.createTopic(input.topic(), input.partitions());
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, input.topic());
            AlterConfigOp unlimited =
                    new AlterConfigOp(
                            new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"),
                            AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(unlimited)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    /** Creates the five output topics of a run named {@code run}. */
    static OutputTopics createOutputTopics(KafkaTestEnvironment kafka, String run) {
        OutputTopics topics =
                new OutputTopics(
                        run + "-train",
                        run + "-validation",
                        run + "-test",
                        run + "-dlq",
                        run + "-duplicates");
        for (String topic :
                List.of(
                        topics.train(),
                        topics.validation(),
                        topics.test(),
                        topics.dlq(),
                        topics.duplicates())) {
            kafka.createTopic(topic, OUTPUT_PARTITIONS);
        }
        return topics;
    }

    /**
     * The {@code --set} values of one run: its input, output topics, consumer group and
     * transactional-id prefix (both named after the run), job name, parallelism and stop offsets.
     */
    static List<String> settings(
            String run, ClusterInput input, OutputTopics out, int parallelism, String stop) {
        List<String> settings = new ArrayList<>(out.sinkSettings());
        settings.addAll(
                List.of(
                        "source.kafka.topic=" + input.topic(),
                        "source.kafka.group-id=" + run,
                        "source.kafka.stop=" + stop,
                        "sink.kafka.transactional-id-prefix=" + run,
                        "pipeline.name=streamprep-" + run,
                        "pipeline.parallelism=" + parallelism));
        return settings;
    }
}

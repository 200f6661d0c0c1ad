package io.streamprep.jobs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.testing.KafkaExtension;
import io.streamprep.jobs.testing.KafkaTestEnvironment;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.OutputTopics;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python training-loop example ({@code examples/python/streamprep_train.py}, Debian's
 * python3-torch and python3-confluent-kafka) against real pipeline output: the sample goes through
 * the pipeline into EXACTLY_ONCE topics on a real broker, the client trains on the train topic with
 * {@code read_committed}, its loss falls, and its class probabilities arrive on the feedback topic
 * for exactly the source records it trained on.
 */
class TrainingClientITCase {

    private static final int STEPS = 45;
    private static final int BATCH = 32;
    private static final int WINDOW = 10;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir Path dir;

    @AfterEach
    void noLeakedProducers() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    void lossFallsAndFeedbackArrives() throws Exception {
        String input = KAFKA.newTopic("input", 2);
        KAFKA.produce(input, SampleData.lines());
        OutputTopics out = OutputTopics.create(KAFKA, "out", 2);
        String feedback = KAFKA.newTopic("feedback", 1);
        List<String> settings = new ArrayList<>(out.sinkSettings());
        settings.addAll(
                List.of(
                        "source.type=KAFKA",
                        "source.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "source.kafka.topic=" + input,
                        "source.kafka.stop=latest",
                        "sink.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "sink.kafka.delivery-guarantee=EXACTLY_ONCE",
                        "sink.kafka.transactional-id-prefix=" + input,
                        "labels.list=" + SampleData.LABELS));
        PipelineRuns.run(settings);
        Set<String> trainSources =
                KAFKA.consumeAll(out.train()).stream()
                        .map(r -> Json.fromBytes(r.value(), TrainingRecord.class).sourceId())
                        .collect(Collectors.toSet());
        assertThat(trainSources.size()).isGreaterThan(STEPS * BATCH);

        long started = System.currentTimeMillis();
        List<JsonNode> lines = runClient(out.train(), feedback);
        long finished = System.currentTimeMillis();

        List<Double> losses =
                lines.stream()
                        .filter(l -> l.has("loss"))
                        .map(l -> l.get("loss").asDouble())
                        .toList();
        assertThat(losses).hasSize(STEPS);
        double first = mean(losses.subList(0, WINDOW));
        double last = mean(losses.subList(STEPS - WINDOW, STEPS));
        assertThat(last)
                .as("mean loss of the last %d steps vs the first", WINDOW)
                .isLessThan(0.8 * first);

        JsonNode done = lines.get(lines.size() - 1);
        assertThat(done.path("done").asBoolean()).isTrue();
        assertThat(done.path("undelivered").asInt()).isZero();
        int sent = done.path("feedback").asInt();
        assertThat(sent).isEqualTo(STEPS * BATCH);
        List<ConsumerRecord<byte[], byte[]>> records =
                KAFKA.consumeAll(feedback, sent, Duration.ofSeconds(30));
        assertThat(records).hasSize(sent);
        int classes = SampleData.LABELS.split(";").length;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonNode value = Json.MAPPER.readTree(r.value());
            String id = value.get("id").asText();
            assertThat(trainSources).contains(id);
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(id);
            assertThat(value.get("ts").asLong()).isBetween(started, finished);
            JsonNode p = value.get("probabilities");
            assertThat(p).hasSize(classes);
            double sum = 0;
            for (JsonNode x : p) {
                assertThat(x.asDouble()).isBetween(0.0, 1.0);
                sum += x.asDouble();
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    private List<JsonNode> runClient(String topic, String feedback) throws Exception {
        Path script = SampleData.repoRoot().resolve("examples/python/streamprep_train.py");
        Path log = dir.resolve("client.log");
        Process process =
                new ProcessBuilder(
                                "/usr/bin/python3",
                                script.toString(),
                                "--bootstrap-servers",
                                KAFKA.bootstrapServers(),
                                "--topic",
                                topic,
                                "--feedback-topic",
                                feedback,
                                "--group-id",
                                topic + "-trainer",
                                "--classes",
                                String.valueOf(SampleData.LABELS.split(";").length),
                                "--batch-size",
                                String.valueOf(BATCH),
                                "--max-steps",
                                String.valueOf(STEPS),
                                "--idle-timeout",
                                "20")
                        .redirectError(log.toFile())
                        .start();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(Json.MAPPER.readTree(line));
            }
        }
        if (!process.waitFor(KafkaTestEnvironment.DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("client stderr: %s", Files.readString(log)).isZero();
        return lines;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}

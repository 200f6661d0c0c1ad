package io.streamprep.jobs.testing;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The five output topics of one pipeline run, named with a common prefix, and readers for what a
 * {@code read_committed} consumer sees in them.
 */
public record OutputTopics(
        String train, String validation, String test, String dlq, String duplicates) {

    /** Creates the five topics on the broker with unique names. */
    public static OutputTopics create(KafkaExtension kafka, String base, int partitions) {
        return new OutputTopics(
                kafka.newTopic(base + "-train", partitions),
                kafka.newTopic(base + "-validation", partitions),
                kafka.newTopic(base + "-test", partitions),
                kafka.newTopic(base + "-dlq", partitions),
                kafka.newTopic(base + "-duplicates", partitions));
    }

    /** The {@code --set} assignments that route a run's output to these topics. */
    public List<String> sinkSettings() {
        return List.of(
                "sink.type=KAFKA",
                "sink.kafka.topic.train=" + train,
                "sink.kafka.topic.validation=" + validation,
                "sink.kafka.topic.test=" + test,
                "sink.kafka.topic.dlq=" + dlq,
                "sink.kafka.topic.duplicates=" + duplicates);
    }

    public List<TrainingRecord> training(KafkaTestEnvironment kafka) {
        List<TrainingRecord> all = new ArrayList<>();
        for (String topic : List.of(train, validation, test)) {
            all.addAll(read(kafka, topic, TrainingRecord.class));
        }
        return all;
    }

    public List<DeadLetterRecord> deadLetters(KafkaTestEnvironment kafka) {
        return read(kafka, dlq, DeadLetterRecord.class);
    }

    public List<DuplicateRecord> duplicateRecords(KafkaTestEnvironment kafka) {
        return read(kafka, duplicates, DuplicateRecord.class);
    }

    /**
     * Every committed value of every topic as text, sorted: equal maps mean byte-identical outputs
     * as multisets, whatever the partitioning and order.
     */
    public Map<String, List<String>> committedValues(KafkaTestEnvironment kafka) {
        Map<String, List<String>> byKind = new TreeMap<>();
        Map<String, String> kinds =
                Map.of(
                        train,
                        "train",
                        validation,
                        "validation",
                        test,
                        "test",
                        dlq,
                        "dlq",
                        duplicates,
                        "duplicates");
        kinds.forEach(
                (topic, kind) -> {
                    List<String> values = new ArrayList<>();
                    for (ConsumerRecord<byte[], byte[]> r : kafka.consumeAll(topic)) {
                        values.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                    values.sort(null);
                    byKind.put(kind, values);
                });
        return byKind;
    }

    private static <T> List<T> read(KafkaTestEnvironment kafka, String topic, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.consumeAll(topic, 0, Duration.ofSeconds(10))) {
            out.add(Json.fromBytes(r.value(), type));
        }
        return out;
    }
}

package io.streamprep.operators.io.kafka;

import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TrainingRecord;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The serializers of the pipeline's three Kafka outputs, with topics from {@link SinkOptions}.
 *
 * <p>Keys: a training record's {@code id}; a dead letter's {@code id}, or its source position when
 * the id could not be read (so every dead letter has a stable key); a duplicate's {@code id}.
 */
public final class KafkaRecordSerializers {

    private KafkaRecordSerializers() {}

    /** Training records to the train, validation or test topic by their split. */
    public static JsonRecordSerializer<TrainingRecord> trainingRecords(ReadableConfig config) {
        return new JsonRecordSerializer<>(
                TrainingRecord::id,
                new SplitTopicSelector(
                        config.get(SinkOptions.KAFKA_TOPIC_TRAIN),
                        config.get(SinkOptions.KAFKA_TOPIC_VALIDATION),
                        config.get(SinkOptions.KAFKA_TOPIC_TEST)));
    }

    /** Dead letters to the dead-letter topic. */
    public static JsonRecordSerializer<DeadLetterRecord> deadLetters(ReadableConfig config) {
        String topic = config.get(SinkOptions.KAFKA_TOPIC_DLQ);
        return new JsonRecordSerializer<>(KafkaRecordSerializers::keyOf, record -> topic);
    }

    /** Duplicates to the duplicates topic. */
    public static JsonRecordSerializer<DuplicateRecord> duplicates(ReadableConfig config) {
        String topic = config.get(SinkOptions.KAFKA_TOPIC_DUPLICATES);
        return new JsonRecordSerializer<>(DuplicateRecord::id, record -> topic);
    }

    /** Records under-sampled by class balancing to the sampled-out topic. */
    public static JsonRecordSerializer<SampledOutRecord> sampledOut(ReadableConfig config) {
        String topic = config.get(SinkOptions.KAFKA_TOPIC_SAMPLED_OUT);
        return new JsonRecordSerializer<>(SampledOutRecord::id, record -> topic);
    }

    private static String keyOf(DeadLetterRecord record) {
        return record.id() != null ? record.id() : record.position();
    }
}

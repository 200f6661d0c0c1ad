package io.streamprep.operators.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema.KafkaSinkContext;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class JsonRecordSerializerTest {

    private static final KafkaSinkContext CONTEXT = new TestingSinkContext();

    private final Configuration config = topics();

    @Test
    void writesTrainingRecordsToTheTopicOfTheirSplitKeyedById() {
        JsonRecordSerializer<TrainingRecord> serializer =
                KafkaRecordSerializers.trainingRecords(config);

        for (String split : new String[] {"train", "validation", "test"}) {
            TrainingRecord record = training("r1#0#0", split);

            ProducerRecord<byte[], byte[]> out = serializer.serialize(record, CONTEXT, 123L);

            assertThat(out.topic()).isEqualTo("out-" + split);
            assertThat(out.key()).isEqualTo("r1#0#0".getBytes(StandardCharsets.UTF_8));
            assertThat(out.value()).isEqualTo(Json.toBytes(record));
            assertThat(Json.fromBytes(out.value(), TrainingRecord.class)).isEqualTo(record);
            assertThat(out.partition()).isNull();
            assertThat(out.timestamp()).isNull();
            assertThat(out.headers().toArray()).isEmpty();
        }
    }

    @Test
    void bytesAreTheSameAfterTheSerializerIsShippedToATask() throws Exception {
        JsonRecordSerializer<TrainingRecord> serializer =
                KafkaRecordSerializers.trainingRecords(config);
        JsonRecordSerializer<TrainingRecord> shipped = InstantiationUtil.clone(serializer);
        TrainingRecord record = training("ü-1#2#3", "test");

        ProducerRecord<byte[], byte[]> a = serializer.serialize(record, CONTEXT, null);
        ProducerRecord<byte[], byte[]> b = shipped.serialize(record, CONTEXT, null);

        assertThat(b.topic()).isEqualTo(a.topic());
        assertThat(b.key())
                .isEqualTo(a.key())
                .isEqualTo("ü-1#2#3".getBytes(StandardCharsets.UTF_8));
        assertThat(b.value()).isEqualTo(a.value());
    }

    @Test
    void rejectsAnUnknownSplit() {
        JsonRecordSerializer<TrainingRecord> serializer =
                KafkaRecordSerializers.trainingRecords(config);

        assertThatThrownBy(() -> serializer.serialize(training("x", "holdout"), CONTEXT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holdout")
                .hasMessageContaining("x");
    }

    @Test
    void keysDeadLettersByIdOrElseByPosition() throws Exception {
        JsonRecordSerializer<DeadLetterRecord> serializer =
                InstantiationUtil.clone(KafkaRecordSerializers.deadLetters(config));
        DeadLetterRecord withId =
                new DeadLetterRecord(
                        "empty_text", "m", "parse", "id-7", "kafka:in-0@1", new byte[0]);
        DeadLetterRecord withoutId =
                new DeadLetterRecord(
                        "not_json", "m", "parse", null, "kafka:in-0@2", new byte[] {(byte) 0xff});

        ProducerRecord<byte[], byte[]> a = serializer.serialize(withId, CONTEXT, null);
        ProducerRecord<byte[], byte[]> b = serializer.serialize(withoutId, CONTEXT, null);

        assertThat(a.topic()).isEqualTo(b.topic()).isEqualTo("out-dlq");
        assertThat(new String(a.key(), StandardCharsets.UTF_8)).isEqualTo("id-7");
        assertThat(new String(b.key(), StandardCharsets.UTF_8)).isEqualTo("kafka:in-0@2");
        assertThat(Json.fromBytes(b.value(), DeadLetterRecord.class)).isEqualTo(withoutId);
    }

    @Test
    void writesDuplicatesToTheirTopic() throws Exception {
        JsonRecordSerializer<DuplicateRecord> serializer =
                InstantiationUtil.clone(KafkaRecordSerializers.duplicates(config));
        DuplicateRecord duplicate = new DuplicateRecord("b", "a", DuplicateRecord.EXACT, 1.0);

        ProducerRecord<byte[], byte[]> out = serializer.serialize(duplicate, CONTEXT, null);

        assertThat(out.topic()).isEqualTo("out-duplicates");
        assertThat(new String(out.key(), StandardCharsets.UTF_8)).isEqualTo("b");
        assertThat(out.value()).isEqualTo(Json.toBytes(duplicate));
    }

    @Test
    void writesNoKeyWhenTheIdFunctionHasNone() {
        JsonRecordSerializer<DuplicateRecord> serializer =
                new JsonRecordSerializer<>(record -> null, record -> "t");

        ProducerRecord<byte[], byte[]> out =
                serializer.serialize(new DuplicateRecord("b", "a", "exact", 1.0), CONTEXT, null);

        assertThat(out.key()).isNull();
    }

    @Test
    void failsWhenTheTopicSelectorHasNoTopic() {
        JsonRecordSerializer<DuplicateRecord> serializer =
                new JsonRecordSerializer<>(DuplicateRecord::id, record -> null);

        assertThatThrownBy(
                        () ->
                                serializer.serialize(
                                        new DuplicateRecord("b", "a", "exact", 1.0), CONTEXT, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("no topic");
    }

    private static TrainingRecord training(String id, String split) {
        return new TrainingRecord(
                id,
                id.split("#")[0],
                0,
                0,
                split,
                "noun",
                1,
                new int[] {101, 7592, 102},
                new int[] {1, 1, 1},
                null,
                "hello");
    }

    private static Configuration topics() {
        Configuration config = new Configuration();
        config.set(SinkOptions.KAFKA_TOPIC_TRAIN, "out-train");
        config.set(SinkOptions.KAFKA_TOPIC_VALIDATION, "out-validation");
        config.set(SinkOptions.KAFKA_TOPIC_TEST, "out-test");
        config.set(SinkOptions.KAFKA_TOPIC_DLQ, "out-dlq");
        config.set(SinkOptions.KAFKA_TOPIC_DUPLICATES, "out-duplicates");
        return config;
    }

    /** The serializer ignores its sink context; this one describes a single subtask. */
    private static final class TestingSinkContext implements KafkaSinkContext {
        @Override
        public int getParallelInstanceId() {
            return 0;
        }

        @Override
        public int getNumberOfParallelInstances() {
            return 1;
        }

        @Override
        public int[] getPartitionsForTopic(String topic) {
            return new int[] {0};
        }
    }
}

package io.streamprep.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.io.kafka.KafkaOffsets;
import io.streamprep.operators.io.kafka.KafkaRecordSerializers;
import io.streamprep.operators.io.kafka.RawRecordDeserializer;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka formats of {@code io.streamprep.operators.io.kafka} in real Flink Kafka connectors on a
 * MiniCluster against a real broker: what the source reads between configured offsets, and what the
 * exactly-once sink writes where.
 */
class KafkaFormatsITCase {

    private static final int MAX_RECORD_BYTES = 16;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @AfterEach
    void noProducerLeft() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    void readsBetweenListedOffsetsCuttingOversizedRecordsAndKeepingTombstones() throws Exception {
        String topic = inputTopic();

        List<RawRecord> read =
                read(topic, KafkaOffsets.startingOffsets("offsets:0=1", topic), "offsets:0=4,1=2");

        assertThat(read)
                .containsExactlyInAnyOrder(
                        raw("a1", topic + "-0@1", 2_000),
                        new RawRecord(
                                "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                                20,
                                "kafka:" + topic + "-0@2",
                                3_000),
                        new RawRecord(new byte[0], 0, "kafka:" + topic + "-0@3", 4_000),
                        raw("b0", topic + "-1@0", 1_500),
                        raw("b1", topic + "-1@1", 2_500));
    }

    @Test
    void readsFromATimestampToTheEndOffsetsAtStart() throws Exception {
        String topic = inputTopic();

        List<RawRecord> read =
                read(topic, KafkaOffsets.startingOffsets("timestamp:2000", topic), "latest");

        assertThat(read)
                .extracting(RawRecord::position)
                .containsExactlyInAnyOrder(
                        "kafka:" + topic + "-0@1",
                        "kafka:" + topic + "-0@2",
                        "kafka:" + topic + "-0@3",
                        "kafka:" + topic + "-1@1",
                        "kafka:" + topic + "-1@2");
    }

    @Test
    void stopOffsetsReadUnlistedPartitionsToTheEndDespiteCommittedOffsets() throws Exception {
        String topic = inputTopic();
        String group = "group-" + topic;
        commit(group, new TopicPartition(topic, 1), 1);

        List<RawRecord> read =
                read(topic, group, KafkaOffsets.startingOffsets("earliest", topic), "offsets:0=1");

        assertThat(read)
                .extracting(RawRecord::position)
                .containsExactlyInAnyOrder(
                        "kafka:" + topic + "-0@0",
                        "kafka:" + topic + "-1@0",
                        "kafka:" + topic + "-1@1",
                        "kafka:" + topic + "-1@2");
    }

    @Test
    void exactlyOnceSinkWritesEachRecordToItsSplitTopicKeyedById() throws Exception {
        Configuration config = new Configuration();
        config.set(SinkOptions.KAFKA_TOPIC_TRAIN, KAFKA.newTopic("train", 2));
        config.set(SinkOptions.KAFKA_TOPIC_VALIDATION, KAFKA.newTopic("validation", 1));
        config.set(SinkOptions.KAFKA_TOPIC_TEST, KAFKA.newTopic("test", 1));
        List<TrainingRecord> records = new ArrayList<>();
        String[] splits = {"train", "train", "validation", "test"};
        for (int i = 0; i < 40; i++) {
            records.add(training("r" + i, splits[i % splits.length]));
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(200);
        env.fromData(records)
                .sinkTo(
                        KafkaSink.<TrainingRecord>builder()
                                .setBootstrapServers(KAFKA.bootstrapServers())
                                .setRecordSerializer(KafkaRecordSerializers.trainingRecords(config))
                                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                .setTransactionalIdPrefix(config.get(SinkOptions.KAFKA_TOPIC_TRAIN))
                                .setProperty("transaction.timeout.ms", "60000")
                                .build());
        env.execute("sink");

        Map<String, Integer> expected = Map.of("train", 20, "validation", 10, "test", 10);
        for (Map.Entry<String, Integer> split : expected.entrySet()) {
            String topic =
                    switch (split.getKey()) {
                        case "train" -> config.get(SinkOptions.KAFKA_TOPIC_TRAIN);
                        case "validation" -> config.get(SinkOptions.KAFKA_TOPIC_VALIDATION);
                        default -> config.get(SinkOptions.KAFKA_TOPIC_TEST);
                    };
            List<ConsumerRecord<byte[], byte[]>> written =
                    KAFKA.consumeAll(topic, split.getValue(), Duration.ofSeconds(60));
            assertThat(written).hasSize(split.getValue());
            assertThat(written)
                    .allSatisfy(
                            r -> {
                                TrainingRecord record =
                                        Json.fromBytes(r.value(), TrainingRecord.class);
                                assertThat(record.split()).isEqualTo(split.getKey());
                                assertThat(new String(r.key(), StandardCharsets.UTF_8))
                                        .isEqualTo(record.id());
                                assertThat(r.value()).isEqualTo(Json.toBytes(record));
                            });
        }
    }

    /**
     * Partition 0: a0 (t=1000), a1 (2000), a 20-byte value (3000), a tombstone (4000); partition 1:
     * b0 (1500), b1 (2500), b2 (3500).
     */
    private static String inputTopic() {
        String topic = KAFKA.newTopic("input", 2);
        KAFKA.send(
                List.of(
                        record(topic, 0, 1_000, "a0"),
                        record(topic, 0, 2_000, "a1"),
                        record(topic, 0, 3_000, "0123456789abcdefghij"),
                        record(topic, 0, 4_000, null),
                        record(topic, 1, 1_500, "b0"),
                        record(topic, 1, 2_500, "b1"),
                        record(topic, 1, 3_500, "b2")));
        return topic;
    }

    private static List<RawRecord> read(String topic, OffsetsInitializer start, String stop)
            throws Exception {
        return read(topic, "group-" + topic, start, stop);
    }

    private static List<RawRecord> read(
            String topic, String group, OffsetsInitializer start, String stop) throws Exception {
        KafkaSource<RawRecord> source =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(KAFKA.bootstrapServers())
                        .setTopics(topic)
                        .setGroupId(group)
                        .setDeserializer(new RawRecordDeserializer(MAX_RECORD_BYTES))
                        .setStartingOffsets(start)
                        .setBounded(KafkaOffsets.stoppingOffsets(stop, topic).orElseThrow())
                        .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<RawRecord> read = new ArrayList<>();
        try (CloseableIterator<RawRecord> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
                        .executeAndCollect()) {
            it.forEachRemaining(read::add);
        }
        return read;
    }

    private static void commit(String group, TopicPartition partition, long offset) {
        Properties properties = KAFKA.clientProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    private static ProducerRecord<byte[], byte[]> record(
            String topic, int partition, long timestamp, String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, partition, timestamp, null, bytes);
    }

    private static RawRecord raw(String value, String position, long timestamp) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return new RawRecord(bytes, bytes.length, "kafka:" + position, timestamp);
    }

    private static TrainingRecord training(String sourceId, String split) {
        return new TrainingRecord(
                TrainingRecord.idOf(sourceId, 0, 0),
                sourceId,
                0,
                0,
                split,
                null,
                -1,
                new int[] {101, 102},
                new int[] {1, 1},
                null,
                "text of " + sourceId);
    }
}

package io.streamprep.jobs.testing;

import static io.streamprep.jobs.testing.KafkaTestEnvironment.utf8;
import static io.streamprep.jobs.testing.KafkaTestEnvironment.utf8Values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaTestEnvironmentITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @AfterEach
    void noProducerLeft() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    void runsTheEmbeddedBrokerWhereThereIsNoDocker() {
        assertThat(KAFKA.description()).startsWith("embedded KRaft");
        assertThat(KAFKA.bootstrapServers()).matches("(localhost|127\\.0\\.0\\.1):\\d+");
    }

    @Test
    void consumesWhatWasProduced() {
        String topic = KAFKA.newTopic("values", 3);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            values.add("value-" + i);
        }

        KAFKA.produce(topic, utf8(values));

        List<ConsumerRecord<byte[], byte[]>> read = KAFKA.consumeAll(topic, 50, TIMEOUT);
        assertThat(utf8Values(read)).containsExactlyInAnyOrderElementsOf(values);
        assertThat(read).allSatisfy(r -> assertThat(r.topic()).isEqualTo(topic));
    }

    @Test
    void sendKeepsKeysPartitionsAndTimestamps() {
        String topic = KAFKA.newTopic("keyed", 2);

        KAFKA.send(
                List.of(
                        new ProducerRecord<>(topic, 1, 1_000L, bytes("k1"), bytes("v1")),
                        new ProducerRecord<>(topic, 0, 2_000L, bytes("k0"), bytes("v0")),
                        new ProducerRecord<>(topic, 1, 3_000L, bytes("k2"), (byte[]) null)));

        List<ConsumerRecord<byte[], byte[]>> read = KAFKA.consumeAll(topic);
        assertThat(read)
                .extracting(r -> r.partition() + "@" + r.offset() + ":" + str(r.key()))
                .containsExactly("0@0:k0", "1@0:k1", "1@1:k2");
        assertThat(read)
                .extracting(ConsumerRecord::timestamp)
                .containsExactly(2_000L, 1_000L, 3_000L);
        assertThat(utf8Values(read)).containsExactly("v0", "v1", null);
    }

    @Test
    void readCommittedHidesAbortedAndOpenTransactions() {
        String topic = KAFKA.newTopic("txn", 1);
        Properties properties = KAFKA.clientProperties();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic + "-producer");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("aborted-1")));
            producer.send(new ProducerRecord<>(topic, bytes("aborted-2")));
            producer.flush(); // else the producer drops them without writing them at all
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("committed-1")));
            producer.send(new ProducerRecord<>(topic, bytes("committed-2")));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("open-1")));
            producer.flush();

            assertThat(utf8Values(readUncommitted(topic, 5)))
                    .containsExactly(
                            "aborted-1", "aborted-2", "committed-1", "committed-2", "open-1");
            assertThat(utf8Values(KAFKA.consumeAll(topic, 2, TIMEOUT)))
                    .containsExactly("committed-1", "committed-2");

            producer.commitTransaction();
        }
        assertThat(utf8Values(KAFKA.consumeAll(topic, 3, TIMEOUT)))
                .containsExactly("committed-1", "committed-2", "open-1");
    }

    @Test
    void consumeAllReturnsWhatItHasWhenTheTimeoutPasses() {
        String topic = KAFKA.newTopic("short", 1);
        KAFKA.produce(topic, utf8(List.of("only")));

        assertThat(utf8Values(KAFKA.consumeAll(topic, 2, Duration.ofMillis(500))))
                .containsExactly("only");
    }

    @Test
    void givesEachTestFreshTopicNames() {
        String a = KAFKA.newTopic("in", 1);
        String b = KAFKA.newTopic("in", 1);

        assertThat(a).isNotEqualTo(b).startsWith("in-givesEachTestFreshTopicNames-");
        assertThat(KAFKA.consumeAll(a)).isEmpty();
        assertThatThrownBy(() -> KAFKA.createTopic(a, 1))
                .isInstanceOf(KafkaTestException.class)
                .hasMessageContaining(a);
    }

    @Test
    void consumingAMissingTopicFailsInsteadOfCreatingIt() {
        String missing = KAFKA.uniqueTopicName("missing");

        assertThatThrownBy(() -> KAFKA.consumeAll(missing))
                .isInstanceOf(KafkaTestException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> KAFKA.consumeAll(missing)).isInstanceOf(KafkaTestException.class);
    }

    @Test
    void theLeakCheckSeesAnOpenProducer() {
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        KAFKA.clientProperties(),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        try {
            assertThatThrownBy(
                            () ->
                                    KafkaThreads.assertNoProducerThreadsLeaked(
                                            Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(KafkaThreads.PRODUCER_NETWORK_THREAD);
        } finally {
            producer.close();
        }
        KafkaThreads.assertNoProducerThreadsLeaked(Duration.ofSeconds(5));
    }

    private static List<ConsumerRecord<byte[], byte[]>> readUncommitted(String topic, int count) {
        Properties properties = KAFKA.clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(read::add);
            }
        }
        return read;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

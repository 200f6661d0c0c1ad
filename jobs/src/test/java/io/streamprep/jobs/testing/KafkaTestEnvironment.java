package io.streamprep.jobs.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A real Kafka cluster for tests: one KRaft node (broker and controller) on loopback, with
 * replication factor 1 everywhere so transactions and consumer groups work, and automatic topic
 * creation off so a test uses only topics it created.
 *
 * <p>Every method is synchronous and bounded: it returns when done or throws {@link
 * KafkaTestException} after a timeout. Clients created here are closed before a method returns, so
 * they leave no threads behind. Obtain one through {@link KafkaExtension} (one cluster per test
 * class) or {@link KafkaTestEnvironments#create()}, and {@link #close()} it when done.
 */
public interface KafkaTestEnvironment extends AutoCloseable {

    /** How long operations wait for the cluster unless told otherwise. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The {@code bootstrap.servers} value for clients, e.g. {@code localhost:40123}. */
    String bootstrapServers();

    /** What runs the cluster, for logs: {@code embedded KRaft} or {@code Testcontainers}. */
    String description();

    /**
     * Properties every client of this cluster needs ({@code bootstrap.servers}); a fresh copy each
     * call, for tests that build their own producers, consumers or Flink connectors.
     */
    Properties clientProperties();

    /**
     * Creates a topic with replication factor 1 and waits until every partition has a leader.
     *
     * @throws KafkaTestException if the topic exists already or creation fails or times out
     */
    void createTopic(String name, int partitions);

    /**
     * Writes values without keys (the producer spreads them over partitions), with {@code acks=all}
     * and idempotence, and waits until all are acknowledged.
     */
    void produce(String topic, List<byte[]> values);

    /**
     * Writes records exactly as given (key, partition, timestamp, headers may be set) and waits
     * until all are acknowledged.
     */
    void send(List<ProducerRecord<byte[], byte[]>> records);

    /**
     * Reads a topic from the beginning of every partition with {@code isolation.level =
     * read_committed} and no consumer group, until at least {@code expected} records were read and
     * then up to the last stable offset of every partition (so everything committed by then is
     * included), or until {@code timeout} passes; it then returns what it read, ordered by
     * partition and offset. It never throws because of the timeout: assert on the result.
     *
     * @throws KafkaTestException if the topic does not exist
     */
    List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, int expected, Duration timeout);

    /** Everything committed in the topic right now; same as {@code consumeAll(topic, 0, ...)}. */
    default List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic) {
        return consumeAll(topic, 0, DEFAULT_TIMEOUT);
    }

    /** Stops the cluster and deletes its data. Idempotent. */
    @Override
    void close();

    /** The values of records as UTF-8 strings, in the same order; null values stay null. */
    static List<String> utf8Values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream()
                .map(r -> r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    /** The values of strings as UTF-8 bytes, for {@link #produce}. */
    static List<byte[]> utf8(List<String> values) {
        return values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }
}

package io.streamprep.jobs.testing;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka cluster per test class, with fresh topic names per test.
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
 *
 * @AfterEach
 * void noProducerLeft() {
 *     KafkaThreads.assertNoProducerThreadsLeaked();
 * }
 *
 * @Test
 * void readsInput() {
 *     String input = KAFKA.newTopic("input", 2); // e.g. "input-readsInput-3"
 *     KAFKA.produce(input, KafkaTestEnvironment.utf8(List.of("a", "b")));
 *     ... KafkaSource.builder().setBootstrapServers(KAFKA.bootstrapServers()) ...
 *     assertThat(KAFKA.consumeAll(output, 2, Duration.ofSeconds(60))).hasSize(2);
 * }
 * }</pre>
 *
 * <p>It must be registered on a {@code static} field: the cluster starts before the first test of
 * the class ({@link KafkaTestEnvironments#create()} picks the kind) and stops after the last.
 * Topics live as long as the cluster, so tests stay independent by creating their topics with
 * {@link #newTopic}, never by sharing fixed names.
 */
public final class KafkaExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, KafkaTestEnvironment {

    private static final AtomicInteger TOPIC_COUNTER = new AtomicInteger();
    private static final int MAX_NAME_PART = 80;

    private KafkaTestEnvironment environment;
    private String currentTest = "setup";

    @Override
    public void beforeAll(ExtensionContext context) {
        environment = KafkaTestEnvironments.create();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (environment == null) {
            throw new IllegalStateException(
                    "KafkaExtension must be registered on a static field (one cluster per class)");
        }
        currentTest = context.getTestMethod().map(Method::getName).orElse("test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The running cluster. */
    public KafkaTestEnvironment environment() {
        if (environment == null) {
            throw new IllegalStateException("no Kafka cluster: used outside the test class?");
        }
        return environment;
    }

    /**
     * A topic name never used before in this JVM: {@code <base>-<test method>-<n>}, using only
     * letters, digits and '-'. Does not create the topic.
     */
    public String uniqueTopicName(String base) {
        String name = base + "-" + currentTest;
        String safe = name.replaceAll("[^A-Za-z0-9-]", "-");
        if (safe.length() > MAX_NAME_PART) {
            safe = safe.substring(0, MAX_NAME_PART);
        }
        return safe + "-" + TOPIC_COUNTER.incrementAndGet();
    }

    /** Creates a topic with a {@linkplain #uniqueTopicName fresh name} and returns the name. */
    public String newTopic(String base, int partitions) {
        String name = uniqueTopicName(base);
        environment().createTopic(name, partitions);
        return name;
    }

    @Override
    public String bootstrapServers() {
        return environment().bootstrapServers();
    }

    @Override
    public String description() {
        return environment().description();
    }

    @Override
    public Properties clientProperties() {
        return environment().clientProperties();
    }

    /**
     * Creates a topic with exactly this name; prefer {@link #newTopic(String, int)}, which returns
     * a fresh name.
     */
    @Override
    public void createTopic(String name, int partitions) {
        environment().createTopic(name, partitions);
    }

    @Override
    public void produce(String topic, List<byte[]> values) {
        environment().produce(topic, values);
    }

    @Override
    public void send(List<ProducerRecord<byte[], byte[]>> records) {
        environment().send(records);
    }

    @Override
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(
            String topic, int expected, Duration timeout) {
        return environment().consumeAll(topic, expected, timeout);
    }

    /** Stops the cluster early; it otherwise stops after the last test of the class. */
    @Override
    public void close() {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }
}

package io.streamprep.jobs.testing;

import java.util.Locale;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Kafka cluster in a Docker container (Testcontainers' Kafka module, the official {@code
 * apache/kafka} image of the same version as our clients), with the same broker settings as {@link
 * EmbeddedKafkaEnvironment}. Only usable where a Docker engine is available.
 */
public final class ContainerKafkaEnvironment extends AbstractKafkaTestEnvironment {

    /** The broker image; keep its version equal to {@code kafka.version} in the root pom. */
    static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.2.0");

    private final KafkaContainer container;

    private ContainerKafkaEnvironment(KafkaContainer container) {
        this.container = container;
    }

    /**
     * Starts a container and waits until its broker accepts clients.
     *
     * @throws KafkaTestException if there is no Docker engine or the container does not start
     */
    @SuppressWarnings("resource") // closed by close(), or here on failure
    public static ContainerKafkaEnvironment start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        BrokerSettings.SETTINGS.forEach((key, value) -> container.withEnv(envName(key), value));
        try {
            container.start();
            return new ContainerKafkaEnvironment(container);
        } catch (RuntimeException e) {
            container.close();
            throw new KafkaTestException("Kafka container did not start", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Kafka container " + IMAGE + " at " + bootstrapServers();
    }

    @Override
    protected void stopCluster() {
        container.close();
    }

    /** The apache/kafka image reads {@code KAFKA_<KEY>} variables as broker settings. */
    private static String envName(String key) {
        return "KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}

package io.streamprep.jobs.testing;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * Picks how to run the test Kafka cluster. The system property {@value #PROPERTY} chooses: {@code
 * embedded} (in-process, {@link EmbeddedKafkaEnvironment}), {@code container} (Docker, {@link
 * ContainerKafkaEnvironment}) or {@code auto} (the default: a container when a Docker engine is
 * available, else embedded). Both are real Kafka brokers of the same version and settings.
 */
public final class KafkaTestEnvironments {

    /** The system property that picks the kind of cluster. */
    public static final String PROPERTY = "streamprep.kafka.environment";

    private KafkaTestEnvironments() {}

    /**
     * Starts a cluster of the kind {@value #PROPERTY} asks for.
     *
     * @throws KafkaTestException if it does not start
     * @throws IllegalArgumentException if the property has an unknown value
     */
    public static KafkaTestEnvironment create() {
        String kind = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "embedded" -> EmbeddedKafkaEnvironment.start();
            case "container" -> ContainerKafkaEnvironment.start();
            case "auto" ->
                    DockerClientFactory.instance().isDockerAvailable()
                            ? ContainerKafkaEnvironment.start()
                            : EmbeddedKafkaEnvironment.start();
            default ->
                    throw new IllegalArgumentException(
                            PROPERTY
                                    + " must be embedded, container or auto, but is '"
                                    + kind
                                    + "'");
        };
    }
}

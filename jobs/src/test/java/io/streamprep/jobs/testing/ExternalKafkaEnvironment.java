package io.streamprep.jobs.testing;

import java.util.Objects;

/**
 * The client side of a {@link KafkaTestEnvironment} for a broker that something else runs, such as
 * a broker process started by {@code deploy/local/kafka.sh}: topics, producing and {@code
 * read_committed} reading work as for the other environments, but {@link #close()} only closes the
 * clients and leaves the broker to whoever started it.
 */
public final class ExternalKafkaEnvironment extends AbstractKafkaTestEnvironment {

    private final String bootstrapServers;
    private final String description;

    /**
     * @param bootstrapServers the broker's {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}
     * @param description what runs the broker, for messages
     */
    public ExternalKafkaEnvironment(String bootstrapServers, String description) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String description() {
        return description + " at " + bootstrapServers;
    }

    @Override
    protected void stopCluster() {
        // The broker belongs to whoever started it.
    }
}

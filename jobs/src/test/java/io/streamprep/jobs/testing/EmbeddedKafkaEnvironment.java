package io.streamprep.jobs.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A Kafka cluster inside the test JVM: Kafka's own {@link KafkaClusterTestKit} with one combined
 * broker/controller node in KRaft mode, on an ephemeral loopback port, with its data in a temporary
 * folder that {@link #close()} deletes. Needs no Docker; starts in a few seconds.
 *
 * <p>It runs the production metadata version with unstable features and APIs off, so clients see
 * what a released broker would offer.
 */
public final class EmbeddedKafkaEnvironment extends AbstractKafkaTestEnvironment {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaEnvironment(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Formats and starts a cluster, and waits until its broker is ready.
     *
     * @throws KafkaTestException if the cluster does not start
     */
    public static EmbeddedKafkaEnvironment start() {
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes =
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                            .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            BrokerSettings.SETTINGS.forEach(builder::setConfigProp);
            builder.setConfigProp("unstable.feature.versions.enable", "false");
            builder.setConfigProp("unstable.api.versions.enable", "false");
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafkaEnvironment(cluster);
        } catch (Exception e) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new KafkaTestException("embedded Kafka cluster did not start", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public String description() {
        return "embedded KRaft Kafka at " + bootstrapServers();
    }

    @Override
    protected void stopCluster() throws Exception {
        cluster.close();
    }
}

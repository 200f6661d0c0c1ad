package io.streamprep.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.jobs.io.KafkaSinks;
import io.streamprep.jobs.io.KafkaSources;
import io.streamprep.operators.io.kafka.KafkaRecordSerializers;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {

    @TempDir Path dir;

    @Test
    void propertiesReachTheSourceAndEverySink() throws Exception {
        Path file = dir.resolve("streamprep.yaml");
        Files.writeString(
                file,
                """
                source:
                  kafka:
                    properties:
                      fetch.min.bytes: 65536
                      fetch.max.wait.ms: 20
                sink:
                  kafka:
                    properties:
                      linger.ms: 20
                """);
        PipelineConfig config =
                new ConfigLoader()
                        .file(file)
                        .set("sink.kafka.properties.compression.type=lz4")
                        .load();

        assertThat(KafkaClientProperties.source(config.options()))
                .containsOnly(entry("fetch.min.bytes", "65536"), entry("fetch.max.wait.ms", "20"));
        assertThat(KafkaClientProperties.sink(config.options()))
                .containsOnly(
                        entry("linger.ms", "20"),
                        entry("compression.type", "lz4"),
                        entry("batch.size", "262144"));

        Method sourceConfig = KafkaSource.class.getDeclaredMethod("getConfiguration");
        sourceConfig.setAccessible(true);
        Configuration consumer =
                (Configuration) sourceConfig.invoke(KafkaSources.fromConfig(config.options()));
        assertThat(consumer.toMap())
                .containsEntry("fetch.min.bytes", "65536")
                .containsEntry("fetch.max.wait.ms", "20")
                .containsEntry("isolation.level", "read_committed");

        Method sinkConfig = KafkaSink.class.getDeclaredMethod("getKafkaProducerConfig");
        sinkConfig.setAccessible(true);
        Properties producer =
                (Properties)
                        sinkConfig.invoke(
                                KafkaSinks.sink(
                                        config.options(),
                                        "dlq",
                                        KafkaRecordSerializers.deadLetters(config.options())));
        assertThat(producer)
                .containsEntry("linger.ms", "20")
                .containsEntry("compression.type", "lz4")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsKey("transaction.timeout.ms");
    }

    @Test
    void clientsBatchByDefaultAndConfiguredPropertiesWin() {
        PipelineConfig defaults = new ConfigLoader().load();
        assertThat(KafkaClientProperties.sink(defaults.options()))
                .containsOnly(
                        entry("compression.type", "lz4"),
                        entry("batch.size", "262144"),
                        entry("linger.ms", "20"));
        assertThat(KafkaClientProperties.source(defaults.options()))
                .containsOnly(entry("fetch.min.bytes", "65536"), entry("fetch.max.wait.ms", "20"));

        PipelineConfig configured =
                new ConfigLoader()
                        .set("sink.kafka.properties.compression.type=none")
                        .set("sink.kafka.properties.batch.size=16384")
                        .set("sink.kafka.properties.linger.ms=5")
                        .set("source.kafka.properties.fetch.min.bytes=1")
                        .set("source.kafka.properties.fetch.max.wait.ms=500")
                        .load();
        assertThat(KafkaClientProperties.sink(configured.options()))
                .containsOnly(
                        entry("compression.type", "none"),
                        entry("batch.size", "16384"),
                        entry("linger.ms", "5"));
        assertThat(KafkaClientProperties.source(configured.options()))
                .containsOnly(entry("fetch.min.bytes", "1"), entry("fetch.max.wait.ms", "500"));
    }

    @Test
    void anUnknownPropertyIsRefusedWithItsKey() {
        assertThatThrownBy(
                        () ->
                                new ConfigLoader()
                                        .set("source.kafka.properties.fetch.min.bites=1")
                                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'fetch.min.bites' is not a Kafka consumer property")
                .hasMessageContaining("source.kafka.properties.fetch.min.bites")
                .hasMessageContaining("--set");
        // A producer property is not a consumer property.
        assertThatThrownBy(
                        () -> new ConfigLoader().set("source.kafka.properties.linger.ms=5").load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a Kafka consumer property");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThatThrownBy(
                        () -> new ConfigLoader().set("sink.kafka.properties.linger.ms=soon").load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'soon' for 'sink.kafka.properties.linger.ms'");
        assertThatThrownBy(
                        () ->
                                new ConfigLoader()
                                        .set("sink.kafka.properties.compression.type=zip")
                                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'zip'");
    }

    @Test
    void propertiesStreamprepOwnsAreRefusedNamingTheOptionToUse() {
        assertThatThrownBy(
                        () ->
                                new ConfigLoader()
                                        .set(
                                                "source.kafka.properties.isolation.level=read_uncommitted")
                                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("always read_committed");
        assertThatThrownBy(
                        () ->
                                new ConfigLoader()
                                        .set(
                                                "sink.kafka.properties.bootstrap.servers=elsewhere:9092")
                                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("set sink.kafka.bootstrap-servers");
        assertThatThrownBy(
                        () ->
                                new ConfigLoader()
                                        .set("source.kafka.properties.group.id=other")
                                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("set source.kafka.group-id");
    }

    private static java.util.Map.Entry<Object, Object> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}

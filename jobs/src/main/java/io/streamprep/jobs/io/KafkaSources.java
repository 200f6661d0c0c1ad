package io.streamprep.jobs.io;

import io.streamprep.jobs.config.KafkaClientProperties;
import io.streamprep.operators.io.kafka.KafkaOffsets;
import io.streamprep.operators.io.kafka.RawRecordDeserializer;
import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.records.RawRecord;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;

/**
 * Builds the Kafka source from the {@code source.kafka.*} options: unbounded by default, bounded
 * when {@code source.kafka.stop} is set (replay / backfill). Offsets live in Flink's checkpoints;
 * the group's committed offsets are only for monitoring and for {@code start: committed}.
 */
public final class KafkaSources {

    private KafkaSources() {}

    public static KafkaSource<RawRecord> fromConfig(ReadableConfig options) {
        KafkaSourceBuilder<RawRecord> builder =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(options.get(SourceOptions.KAFKA_BOOTSTRAP_SERVERS))
                        .setTopics(options.get(SourceOptions.KAFKA_TOPIC))
                        .setGroupId(options.get(SourceOptions.KAFKA_GROUP_ID))
                        .setStartingOffsets(KafkaOffsets.startingOffsets(options))
                        .setDeserializer(RawRecordDeserializer.fromConfig(options))
                        .setProperties(KafkaClientProperties.source(options))
                        // Only read what producers committed, so aborted upstream transactions
                        // never become training data.
                        .setProperty("isolation.level", "read_committed");
        KafkaOffsets.stoppingOffsets(options).ifPresent(builder::setBounded);
        return builder.build();
    }

    /** For messages: the topic and servers. */
    public static String describe(ReadableConfig options) {
        return "kafka topic "
                + options.get(SourceOptions.KAFKA_TOPIC)
                + " at "
                + options.get(SourceOptions.KAFKA_BOOTSTRAP_SERVERS)
                + " (start "
                + options.get(SourceOptions.KAFKA_START)
                + ", stop "
                + options.get(SourceOptions.KAFKA_STOP)
                + ")";
    }
}

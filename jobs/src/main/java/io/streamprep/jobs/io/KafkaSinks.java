package io.streamprep.jobs.io;

import io.streamprep.jobs.config.KafkaClientProperties;
import io.streamprep.jobs.text.TextPipelineSinks;
import io.streamprep.operators.io.kafka.KafkaRecordSerializers;
import io.streamprep.schemas.config.SinkOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Builds the Kafka sinks from the {@code sink.kafka.*} options.
 *
 * <p>EXACTLY_ONCE: each sink writes in Kafka transactions committed when a checkpoint completes, so
 * a {@code read_committed} consumer sees every record once, one checkpoint interval late. Each sink
 * has its own transactional-id prefix ({@code <prefix>-train}, ...), and the transaction timeout is
 * set explicitly because Flink's default (1 h) exceeds the broker's usual cap (15 min).
 * AT_LEAST_ONCE: records are flushed on checkpoints; a restart may write some twice.
 */
public final class KafkaSinks {

    private KafkaSinks() {}

    public static TextPipelineSinks fromConfig(ReadableConfig options) {
        return new TextPipelineSinks(
                sink(options, "training", KafkaRecordSerializers.trainingRecords(options)),
                sink(options, "dlq", KafkaRecordSerializers.deadLetters(options)),
                sink(options, "duplicates", KafkaRecordSerializers.duplicates(options)),
                sink(options, "sampled-out", KafkaRecordSerializers.sampledOut(options)));
    }

    /** One Kafka sink with this job's delivery guarantee and the transactional id suffix. */
    public static <T> KafkaSink<T> sink(
            ReadableConfig options, String name, KafkaRecordSerializationSchema<T> serializer) {
        DeliveryGuarantee guarantee =
                switch (options.get(SinkOptions.KAFKA_DELIVERY_GUARANTEE)) {
                    case EXACTLY_ONCE -> DeliveryGuarantee.EXACTLY_ONCE;
                    case AT_LEAST_ONCE -> DeliveryGuarantee.AT_LEAST_ONCE;
                };
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(KafkaClientProperties.sink(options))
                .setBootstrapServers(options.get(SinkOptions.KAFKA_BOOTSTRAP_SERVERS))
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(
                        options.get(SinkOptions.KAFKA_TRANSACTIONAL_ID_PREFIX) + "-" + name)
                .setProperty(
                        "transaction.timeout.ms",
                        Long.toString(
                                options.get(SinkOptions.KAFKA_TRANSACTION_TIMEOUT).toMillis()))
                .build();
    }

    /** For messages: the topics and servers. */
    public static String describe(ReadableConfig options) {
        return "kafka topics "
                + String.join(
                        ", ",
                        options.get(SinkOptions.KAFKA_TOPIC_TRAIN),
                        options.get(SinkOptions.KAFKA_TOPIC_VALIDATION),
                        options.get(SinkOptions.KAFKA_TOPIC_TEST),
                        options.get(SinkOptions.KAFKA_TOPIC_DLQ),
                        options.get(SinkOptions.KAFKA_TOPIC_DUPLICATES))
                + " at "
                + options.get(SinkOptions.KAFKA_BOOTSTRAP_SERVERS)
                + " ("
                + options.get(SinkOptions.KAFKA_DELIVERY_GUARANTEE)
                + ")";
    }
}

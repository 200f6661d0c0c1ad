package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Where training records, dead letters and duplicates go. */
public final class SinkOptions {

    /** The kinds of sink. */
    public enum SinkType {
        FILE,
        KAFKA
    }

    /** File formats of the training records. */
    public enum FileFormat {
        JSONL,
        PARQUET,
        BOTH
    }

    /** Kafka delivery guarantees. */
    public enum Guarantee {
        EXACTLY_ONCE,
        AT_LEAST_ONCE
    }

    public static final ConfigOption<SinkType> TYPE =
            key("sink.type")
                    .enumType(SinkType.class)
                    .defaultValue(SinkType.FILE)
                    .withDescription("FILE writes JSONL part files; KAFKA writes topics.");

    public static final ConfigOption<String> FILE_PATH =
            key("sink.file.path")
                    .stringType()
                    .defaultValue("out")
                    .withDescription(
                            "Output folder: train/, validation/, test/, dlq/, duplicates/ and "
                                    + "stats.json.");

    public static final ConfigOption<FileFormat> FILE_FORMAT =
            key("sink.file.format")
                    .enumType(FileFormat.class)
                    .defaultValue(FileFormat.JSONL)
                    .withDescription(
                            "Format of the training records of the FILE sink: JSONL "
                                    + "(part-*.jsonl), PARQUET (part-*.parquet, schema in the "
                                    + "README), or BOTH side by side in the same split folders. "
                                    + "Dead letters and duplicates are always JSONL.");

    public static final ConfigOption<Boolean> INCLUDE_TEXT =
            key("sink.include-text")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Write the normalized text into training records.");

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            key("sink.kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:9092")
                    .withDescription("Kafka bootstrap servers of the output topics.");

    public static final ConfigOption<String> KAFKA_TOPIC_TRAIN =
            key("sink.kafka.topic.train")
                    .stringType()
                    .defaultValue("streamprep-train")
                    .withDescription("Topic for the train split.");

    public static final ConfigOption<String> KAFKA_TOPIC_VALIDATION =
            key("sink.kafka.topic.validation")
                    .stringType()
                    .defaultValue("streamprep-validation")
                    .withDescription("Topic for the validation split.");

    public static final ConfigOption<String> KAFKA_TOPIC_TEST =
            key("sink.kafka.topic.test")
                    .stringType()
                    .defaultValue("streamprep-test")
                    .withDescription("Topic for the test split.");

    public static final ConfigOption<String> KAFKA_TOPIC_DLQ =
            key("sink.kafka.topic.dlq")
                    .stringType()
                    .defaultValue("streamprep-dlq")
                    .withDescription("Topic for dead-letter records.");

    public static final ConfigOption<String> KAFKA_TOPIC_DUPLICATES =
            key("sink.kafka.topic.duplicates")
                    .stringType()
                    .defaultValue("streamprep-duplicates")
                    .withDescription("Topic for duplicate records.");

    public static final ConfigOption<String> KAFKA_TOPIC_SAMPLED_OUT =
            key("sink.kafka.topic.sampled-out")
                    .stringType()
                    .defaultValue("streamprep-sampled-out")
                    .withDescription(
                            "Topic for records under-sampled by class balancing (only written "
                                    + "with balance.enabled).");

    public static final ConfigOption<Guarantee> KAFKA_DELIVERY_GUARANTEE =
            key("sink.kafka.delivery-guarantee")
                    .enumType(Guarantee.class)
                    .defaultValue(Guarantee.AT_LEAST_ONCE)
                    .withDescription(
                            "EXACTLY_ONCE writes in Kafka transactions committed on checkpoints "
                                    + "(readers must use isolation.level=read_committed; latency is "
                                    + "one checkpoint interval). AT_LEAST_ONCE writes at once, and a "
                                    + "restart may repeat records.");

    public static final ConfigOption<String> KAFKA_TRANSACTIONAL_ID_PREFIX =
            key("sink.kafka.transactional-id-prefix")
                    .stringType()
                    .defaultValue("streamprep")
                    .withDescription(
                            "Prefix of the sink's Kafka transactional ids (EXACTLY_ONCE). Must be "
                                    + "unique per job writing to the same cluster.");

    public static final ConfigOption<Duration> KAFKA_TRANSACTION_TIMEOUT =
            key("sink.kafka.transaction-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Kafka transaction timeout (EXACTLY_ONCE). Must be below the broker's "
                                    + "transaction.max.timeout.ms (15 min by default) and well above "
                                    + "checkpoint interval plus restart time.");

    private SinkOptions() {}
}

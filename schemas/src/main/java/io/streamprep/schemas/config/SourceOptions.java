package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/** Where records come from. */
public final class SourceOptions {

    /** The kinds of source. */
    public enum SourceType {
        FILE,
        KAFKA
    }

    public static final ConfigOption<SourceType> TYPE =
            key("source.type")
                    .enumType(SourceType.class)
                    .defaultValue(SourceType.FILE)
                    .withDescription("FILE reads JSONL files; KAFKA reads a Kafka topic.");

    public static final ConfigOption<String> FILE_PATH =
            key("source.file.path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A JSONL file or a folder of them (one JSON record per line; .gz, "
                                    + ".bz2, .xz also read). 'bin/streamprep run' without --input and "
                                    + "--config uses the shipped sample data.");

    public static final ConfigOption<Duration> FILE_WATCH_INTERVAL =
            key("source.file.watch-interval")
                    .durationType()
                    .noDefaultValue()
                    .withDescription(
                            "If set, keep watching the folder and read new files at this interval "
                                    + "(unbounded). If unset, read what is there and finish.");

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            key("source.kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:9092")
                    .withDescription("Kafka bootstrap servers of the input topic.");

    public static final ConfigOption<String> KAFKA_TOPIC =
            key("source.kafka.topic")
                    .stringType()
                    .defaultValue("streamprep-input")
                    .withDescription("Input topic.");

    public static final ConfigOption<String> KAFKA_GROUP_ID =
            key("source.kafka.group-id")
                    .stringType()
                    .defaultValue("streamprep")
                    .withDescription(
                            "Consumer group id. Offsets are committed on checkpoints for "
                                    + "monitoring only; Flink's checkpoints are the source of truth.");

    public static final ConfigOption<String> KAFKA_START =
            key("source.kafka.start")
                    .stringType()
                    .defaultValue("earliest")
                    .withDescription(
                            "Where to start reading when there is no checkpoint: 'earliest', "
                                    + "'latest', 'committed' (the group's offsets, else earliest), "
                                    + "'timestamp:<epoch-ms>', or 'offsets:<partition>=<offset>,...'.");

    public static final ConfigOption<String> KAFKA_STOP =
            key("source.kafka.stop")
                    .stringType()
                    .defaultValue("never")
                    .withDescription(
                            "When to stop (bounded replay): 'never' (unbounded), 'latest' (the "
                                    + "end offsets when the job starts), 'timestamp:<epoch-ms>', or "
                                    + "'offsets:<partition>=<offset>,...' (exclusive).");

    public static final ConfigOption<MemorySize> MAX_RECORD_BYTES =
            key("source.max-record-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("4mb"))
                    .withDescription(
                            "Records larger than this are cut to this size and dead-lettered as "
                                    + "record_too_large, so one huge line cannot exhaust memory.");

    public static final ConfigOption<Duration> WATERMARK_OUT_OF_ORDERNESS =
            key("source.watermark.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How far event time may go backwards within one file or partition. "
                                    + "Order-dependent decisions (which duplicate wins) are exact for "
                                    + "records within this bound.");

    public static final ConfigOption<Duration> WATERMARK_IDLE_TIMEOUT =
            key("source.watermark.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A partition with no records for this long stops holding back event "
                                    + "time.");

    private SourceOptions() {}
}

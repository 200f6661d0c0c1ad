package io.streamprep.jobs.config;

import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Kafka client properties passed through from the configuration, for what streamprep has no option
 * of its own: security ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) and tuning
 * ({@code fetch.min.bytes}, {@code linger.ms}, {@code compression.type}, ...).
 *
 * <ul>
 *   <li>{@code source.kafka.properties.NAME: VALUE} goes to the consumers of every Kafka source
 *       (the input and the annotation topics);
 *   <li>{@code sink.kafka.properties.NAME: VALUE} goes to the producers of every Kafka sink
 *       (training, dead letters, duplicates, sampled-out).
 * </ul>
 *
 * <p>{@link ConfigLoader} checks them when the configuration loads, before any job starts: the name
 * must be a property of the Kafka consumer or producer, and the value must parse as that property's
 * type and pass its validator. Properties that streamprep sets from its own options, or for its
 * guarantees, are refused with the option to use instead.
 */
public final class KafkaClientProperties {

    public static final String SOURCE_PREFIX = "source.kafka.properties.";
    public static final String SINK_PREFIX = "sink.kafka.properties.";

    private static final Map<String, String> SOURCE_OWNED =
            Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "set source.kafka.bootstrap-servers",
                    ConsumerConfig.GROUP_ID_CONFIG, "set source.kafka.group-id",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "records are read as bytes",
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "records are read as bytes",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                            "always read_committed, so aborted upstream transactions never become"
                                    + " training data");

    private static final Map<String, String> SINK_OWNED =
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "set sink.kafka.bootstrap-servers",
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                            "set sink.kafka.transactional-id-prefix",
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "set sink.kafka.transaction-timeout",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "records are written as bytes",
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "records are written as bytes");

    private KafkaClientProperties() {}

    /** Whether {@code key} is a pass-through Kafka client property. */
    public static boolean isClientKey(String key) {
        return key.startsWith(SOURCE_PREFIX) || key.startsWith(SINK_PREFIX);
    }

    /**
     * What is wrong with a pass-through property, or {@code null} if nothing.
     *
     * @param key the full key, with its {@link #SOURCE_PREFIX} or {@link #SINK_PREFIX}
     */
    static String problem(String key, String value) {
        boolean source = key.startsWith(SOURCE_PREFIX);
        String name = key.substring((source ? SOURCE_PREFIX : SINK_PREFIX).length());
        String client = source ? "consumer" : "producer";
        String owned = (source ? SOURCE_OWNED : SINK_OWNED).get(name);
        if (owned != null) {
            return "'" + key + "' cannot be set: " + owned;
        }
        ConfigDef definitions = source ? ConsumerConfig.configDef() : ProducerConfig.configDef();
        ConfigDef.ConfigKey definition = definitions.configKeys().get(name);
        if (definition == null) {
            return "'" + name + "' is not a Kafka " + client + " property (key '" + key + "')";
        }
        try {
            Object parsed = ConfigDef.parseType(name, value, definition.type);
            if (definition.validator != null) {
                definition.validator.ensureValid(name, parsed);
            }
        } catch (ConfigException e) {
            return "Invalid value '" + value + "' for '" + key + "': " + e.getMessage();
        }
        return null;
    }

    /**
     * Consumer defaults of every Kafka source, which {@code source.kafka.properties.*} override.
     * With Kafka's defaults (1 byte, 500 ms) the broker answers a fetch as soon as any record
     * arrives, so a steady stream at a moderate rate is read a few records per request, each
     * costing the broker and the fetcher thread about what a full one costs. Waiting up to 20 ms
     * for 64 KB cuts those requests several-fold and adds at most 20 ms to a record's latency,
     * which the watermark bound (hundreds of ms to seconds) dwarfs; a backlog fills 64 KB at once
     * and is not slowed. An idle topic is then polled every 20 ms instead of every 500 ms: cheap
     * requests that carry nothing.
     */
    public static final Map<String, String> SOURCE_DEFAULTS =
            Map.of(
                    ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                    Integer.toString(64 * 1024),
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                    "20");

    /**
     * The consumer properties for Kafka sources, without their prefix: {@link #SOURCE_DEFAULTS},
     * then the configured ones.
     */
    public static Properties source(ReadableConfig options) {
        Properties properties = new Properties();
        SOURCE_DEFAULTS.forEach(properties::setProperty);
        properties.putAll(withPrefix(options, SOURCE_PREFIX));
        return properties;
    }

    /**
     * Producer defaults of every Kafka sink, which {@code sink.kafka.properties.*} override.
     * Training records are JSON with token-id arrays: lz4 shrinks them several times for a little
     * producer CPU, and 256 KB batches (Kafka's default is 16 KB, a dozen records) cut the requests
     * per record. In the 50 MB benchmark the broker's request threads and the producers' network
     * threads used 1.3 CPU s less (BENCHMARKS.md). A 20 ms linger (Kafka's is 5 ms) does the same
     * for a steady stream at a moderate rate, where batches never fill, for at most 20 ms of
     * latency; checkpoints flush the producers, so EXACTLY_ONCE commits do not wait for it.
     * Consumers need lz4 support, which the Java, librdkafka-based and kafka-python (with the lz4
     * package) clients have; set {@code sink.kafka.properties.compression.type: none} for one that
     * does not.
     */
    public static final Map<String, String> SINK_DEFAULTS =
            Map.of(
                    ProducerConfig.COMPRESSION_TYPE_CONFIG,
                    "lz4",
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    Integer.toString(256 * 1024),
                    ProducerConfig.LINGER_MS_CONFIG,
                    "20");

    /**
     * The producer properties for Kafka sinks, without their prefix: {@link #SINK_DEFAULTS}, then
     * the configured ones.
     */
    public static Properties sink(ReadableConfig options) {
        Properties properties = new Properties();
        SINK_DEFAULTS.forEach(properties::setProperty);
        properties.putAll(withPrefix(options, SINK_PREFIX));
        return properties;
    }

    private static Properties withPrefix(ReadableConfig options, String prefix) {
        Properties properties = new Properties();
        options.toMap()
                .forEach(
                        (key, value) -> {
                            if (key.startsWith(prefix)) {
                                properties.setProperty(key.substring(prefix.length()), value);
                            }
                        });
        return properties;
    }
}

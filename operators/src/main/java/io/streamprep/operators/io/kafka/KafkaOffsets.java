package io.streamprep.operators.io.kafka;

import io.streamprep.schemas.config.SourceOptions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Parses {@link SourceOptions#KAFKA_START} and {@link SourceOptions#KAFKA_STOP} into Flink {@link
 * OffsetsInitializer}s for the input topic.
 *
 * <p>Start values: {@code earliest}, {@code latest}, {@code committed} (the group's committed
 * offsets; partitions without any start at the earliest offset), {@code timestamp:<epoch-ms>} (the
 * first record at or after that time; partitions with none start at their end), {@code
 * offsets:<partition>=<offset>,...} (partitions not listed start at the group's committed offset,
 * else at the earliest).
 *
 * <p>Stop values: {@code never} (empty: unbounded), {@code latest} (the end offsets when the job
 * starts), {@code timestamp:<epoch-ms>} (exclusive; partitions with no later record are read to
 * their end), {@code offsets:<partition>=<offset>,...} (exclusive; partitions not listed are read
 * to their end offsets when the job starts, as with {@code latest}).
 *
 * <p>Keywords are case-insensitive and surrounding blanks are ignored. Any other value throws an
 * {@link IllegalArgumentException} that names the option key, the bad value and the accepted forms.
 * These values apply only when the job starts without a checkpoint or savepoint; a restored job
 * continues from the offsets in its state.
 */
public final class KafkaOffsets {

    private static final String TIMESTAMP = "timestamp:";
    private static final String OFFSETS = "offsets:";
    private static final String START_FORMS =
            "earliest, latest, committed, timestamp:<epoch-ms>, offsets:<partition>=<offset>,...";
    private static final String STOP_FORMS =
            "never, latest, timestamp:<epoch-ms>, offsets:<partition>=<offset>,...";

    private KafkaOffsets() {}

    /** Where to start reading {@link SourceOptions#KAFKA_TOPIC}, from the configuration. */
    public static OffsetsInitializer startingOffsets(ReadableConfig config) {
        return startingOffsets(
                config.get(SourceOptions.KAFKA_START), config.get(SourceOptions.KAFKA_TOPIC));
    }

    /** Where to stop reading {@link SourceOptions#KAFKA_TOPIC}; empty means never (unbounded). */
    public static Optional<OffsetsInitializer> stoppingOffsets(ReadableConfig config) {
        return stoppingOffsets(
                config.get(SourceOptions.KAFKA_STOP), config.get(SourceOptions.KAFKA_TOPIC));
    }

    /**
     * Parses a {@link SourceOptions#KAFKA_START} value for {@code topic}.
     *
     * @throws IllegalArgumentException if the value is not one of the start forms
     */
    @SuppressWarnings("deprecation") // Flink's OffsetsInitializer API still takes this type.
    public static OffsetsInitializer startingOffsets(String value, String topic) {
        Spec spec = new Spec(SourceOptions.KAFKA_START.key(), value, START_FORMS);
        return switch (spec.keyword()) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            case "committed" -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            default -> {
                if (spec.hasPrefix(TIMESTAMP)) {
                    yield OffsetsInitializer.timestamp(spec.timestamp());
                }
                if (spec.hasPrefix(OFFSETS)) {
                    yield OffsetsInitializer.offsets(
                            spec.offsets(topic), OffsetResetStrategy.EARLIEST);
                }
                throw spec.invalid("unknown form");
            }
        };
    }

    /**
     * Parses a {@link SourceOptions#KAFKA_STOP} value for {@code topic}; empty for {@code never}.
     *
     * @throws IllegalArgumentException if the value is not one of the stop forms
     */
    public static Optional<OffsetsInitializer> stoppingOffsets(String value, String topic) {
        Spec spec = new Spec(SourceOptions.KAFKA_STOP.key(), value, STOP_FORMS);
        return switch (spec.keyword()) {
            case "never" -> Optional.empty();
            case "latest" -> Optional.of(OffsetsInitializer.latest());
            default -> {
                if (spec.hasPrefix(TIMESTAMP)) {
                    yield Optional.of(OffsetsInitializer.timestamp(spec.timestamp()));
                }
                if (spec.hasPrefix(OFFSETS)) {
                    yield Optional.of(new StoppingOffsetsInitializer(spec.offsets(topic)));
                }
                throw spec.invalid("unknown form");
            }
        };
    }

    /** One option value being parsed, with the context for its error messages. */
    private static final class Spec {
        private final String key;
        private final String raw;
        private final String forms;
        private final String text;

        Spec(String key, String raw, String forms) {
            this.key = key;
            this.raw = raw;
            this.forms = forms;
            if (raw == null) {
                throw invalid("no value");
            }
            this.text = raw.strip();
        }

        String keyword() {
            return text.toLowerCase(Locale.ROOT);
        }

        boolean hasPrefix(String prefix) {
            return text.regionMatches(true, 0, prefix, 0, prefix.length());
        }

        long timestamp() {
            return parseNonNegative(text.substring(TIMESTAMP.length()).strip(), "timestamp");
        }

        Map<TopicPartition, Long> offsets(String topic) {
            String list = text.substring(OFFSETS.length()).strip();
            if (list.isEmpty()) {
                throw invalid("no <partition>=<offset> pairs");
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (String pair : list.split(",", -1)) {
                String[] parts = pair.split("=", -1);
                if (parts.length != 2) {
                    throw invalid("'" + pair.strip() + "' is not <partition>=<offset>");
                }
                long partition = parseNonNegative(parts[0].strip(), "partition");
                if (partition > Integer.MAX_VALUE) {
                    throw invalid("partition " + partition + " is too large");
                }
                long offset = parseNonNegative(parts[1].strip(), "offset");
                TopicPartition tp = new TopicPartition(topic, (int) partition);
                if (offsets.put(tp, offset) != null) {
                    throw invalid("partition " + partition + " is listed twice");
                }
            }
            return offsets;
        }

        private long parseNonNegative(String number, String what) {
            long parsed;
            try {
                parsed = Long.parseLong(number);
            } catch (NumberFormatException e) {
                throw invalid(what + " '" + number + "' is not a whole number");
            }
            if (parsed < 0) {
                throw invalid(what + " " + parsed + " is negative");
            }
            return parsed;
        }

        IllegalArgumentException invalid(String why) {
            return new IllegalArgumentException(
                    String.format(
                            "Invalid value '%s' for %s: %s. Expected one of: %s",
                            raw, key, why, forms));
        }
    }
}

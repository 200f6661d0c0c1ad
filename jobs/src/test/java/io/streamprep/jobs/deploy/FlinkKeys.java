package io.streamprep.jobs.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * Flink's own option keys, read from its option classes, to check deployment files for typos and
 * bad values. Keys of plugins (file systems {@code s3.*}, metric reporters {@code
 * metrics.reporter.<name>.*}) are checked by the caller.
 */
final class FlinkKeys {

    private static final List<Class<?>> HOLDERS =
            List.of(
                    CoreOptions.class,
                    CheckpointingOptions.class,
                    StateBackendOptions.class,
                    StateRecoveryOptions.class,
                    HighAvailabilityOptions.class,
                    RestartStrategyOptions.class,
                    PipelineOptions.class,
                    ExecutionOptions.class,
                    TaskManagerOptions.class,
                    JobManagerOptions.class,
                    MetricOptions.class,
                    RestOptions.class);

    private final Map<String, ConfigOption<?>> byKey = new HashMap<>();

    FlinkKeys() throws IllegalAccessException {
        for (Class<?> holder : HOLDERS) {
            for (Field f : holder.getFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        && ConfigOption.class.isAssignableFrom(f.getType())) {
                    ConfigOption<?> option = (ConfigOption<?>) f.get(null);
                    byKey.put(option.key(), option);
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        byKey.put(fallback.getKey(), option);
                    }
                }
            }
        }
    }

    /** The option of a key, or null if Flink has none of that name. */
    ConfigOption<?> option(String key) {
        return byKey.get(key);
    }

    /** Parses the value as the option's type; throws IllegalArgumentException if it cannot. */
    static void parse(ConfigOption<?> option, String value) {
        Configuration.fromMap(Map.of(option.key(), value)).get(option);
    }
}

package io.streamprep.jobs.config;

import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A loaded, validated configuration: the streamprep options, the Flink options passed through from
 * the {@code flink.} section, and where each key was set (for messages).
 */
public final class PipelineConfig {

    private final Configuration options;
    private final Configuration flink;
    private final Map<String, String> origins;

    PipelineConfig(Configuration options, Configuration flink, Map<String, String> origins) {
        this.options = options;
        this.flink = flink;
        this.origins = Map.copyOf(origins);
    }

    /** The streamprep options (keys of {@link io.streamprep.schemas.config.AllOptions}). */
    public ReadableConfig options() {
        return options;
    }

    /** A copy of the Flink configuration to start the job with. */
    public Configuration flink() {
        return new Configuration(flink);
    }

    /** Where a key was set ("file X", "--set", ...), or "default". */
    public String originOf(String key) {
        return origins.getOrDefault(key, "default");
    }

    /** Every explicitly set streamprep key and its value, for printing. */
    public Map<String, String> explicitOptions() {
        return options.toMap();
    }
}

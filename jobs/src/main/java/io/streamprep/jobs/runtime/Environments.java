package io.streamprep.jobs.runtime;

import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.schemas.config.PipelineOptions;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Creates the execution environment with streamprep's defaults under whatever the {@code flink.}
 * section sets. Run from a plain JVM it is an embedded local Flink; submitted to a cluster it is
 * that cluster's environment.
 */
public final class Environments {

    /** Bounded inputs run as BATCH: deduplication then sees every copy at once, in any order. */
    static final RuntimeExecutionMode DEFAULT_RUNTIME_MODE = RuntimeExecutionMode.AUTOMATIC;

    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    private Environments() {}

    /** The Flink configuration the job runs with: the {@code flink.} keys plus defaults. */
    public static Configuration flinkConfiguration(PipelineConfig config) {
        Configuration flink = config.flink();
        setIfAbsent(flink, ExecutionOptions.RUNTIME_MODE, DEFAULT_RUNTIME_MODE);
        setIfAbsent(
                flink, CheckpointingOptions.CHECKPOINTING_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL);
        // Every operator has an explicit uid; fail fast if one is ever added without.
        setIfAbsent(
                flink, org.apache.flink.configuration.PipelineOptions.AUTO_GENERATE_UIDS, false);
        setIfAbsent(
                flink,
                CoreOptions.DEFAULT_PARALLELISM,
                config.options().get(PipelineOptions.PARALLELISM));
        return flink;
    }

    public static StreamExecutionEnvironment create(PipelineConfig config) {
        return StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
    }

    private static <T> void setIfAbsent(Configuration flink, ConfigOption<T> option, T value) {
        if (!flink.contains(option)) {
            flink.set(option, value);
        }
    }
}

package io.streamprep.jobs.runtime;

import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.jobs.runtime.checkpoint.ThrottledCheckpointStorageFactory;
import io.streamprep.schemas.config.PipelineOptions;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Creates the execution environment with streamprep's production defaults under whatever the {@code
 * flink.} section sets (which always wins). Run from a plain JVM it is an embedded local Flink;
 * submitted to a cluster it is that cluster's environment.
 *
 * <p>Defaults: exactly-once checkpoints every 10 s, retained on cancellation; exponential-delay
 * restarts; max parallelism 128 (the key-group count: fixed for the life of the state, so it is set
 * explicitly rather than derived from the first parallelism); operators without an explicit uid
 * rejected; heap state backend ("hashmap"; set {@code flink.state.backend.type: rocksdb} for state
 * larger than memory); network buffers flushed after 10 ms (Flink: 100 ms); bounded inputs run in
 * BATCH mode. With {@code pipeline.checkpoint-write-rate} set, snapshot writes are paced ({@link
 * ThrottledCheckpointStorageFactory}).
 */
public final class Environments {

    /** Bounded inputs run as BATCH: deduplication then sees every copy at once, in any order. */
    static final RuntimeExecutionMode DEFAULT_RUNTIME_MODE = RuntimeExecutionMode.AUTOMATIC;

    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /**
     * A record crosses up to three network exchanges in dedup (exact dedup, the near-dedup index,
     * its join) and three more in balancing, and at moderate rates each holds a partly filled
     * buffer until this timeout: Flink's 100 ms default made up about 40 % of the benchmark's p50
     * latency. Under full load buffers fill before it expires.
     */
    static final Duration DEFAULT_BUFFER_TIMEOUT = Duration.ofMillis(10);

    static final int DEFAULT_MAX_PARALLELISM = 128;

    private Environments() {}

    /** The Flink configuration the job runs with: the {@code flink.} keys plus defaults. */
    public static Configuration flinkConfiguration(PipelineConfig config) {
        Configuration flink = config.flink();
        setIfAbsent(flink, ExecutionOptions.RUNTIME_MODE, DEFAULT_RUNTIME_MODE);
        setIfAbsent(
                flink, CheckpointingOptions.CHECKPOINTING_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL);
        setIfAbsent(
                flink,
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        setIfAbsent(
                flink,
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        setIfAbsent(flink, RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        setIfAbsent(
                flink,
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                Duration.ofSeconds(1));
        setIfAbsent(
                flink,
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                Duration.ofMinutes(1));
        setIfAbsent(flink, StateBackendOptions.STATE_BACKEND, "hashmap");
        setIfAbsent(flink, ExecutionOptions.BUFFER_TIMEOUT, DEFAULT_BUFFER_TIMEOUT);
        setIfAbsent(
                flink,
                org.apache.flink.configuration.PipelineOptions.MAX_PARALLELISM,
                DEFAULT_MAX_PARALLELISM);
        // Every operator has an explicit uid; fail fast if one is ever added without.
        setIfAbsent(
                flink, org.apache.flink.configuration.PipelineOptions.AUTO_GENERATE_UIDS, false);
        setIfAbsent(
                flink,
                CoreOptions.DEFAULT_PARALLELISM,
                config.options().get(PipelineOptions.PARALLELISM));
        config.options()
                .getOptional(PipelineOptions.CHECKPOINT_WRITE_RATE)
                .ifPresent(
                        rate ->
                                ThrottledCheckpointStorageFactory.install(
                                        flink, rate, PipelineOptions.CHECKPOINT_WRITE_RATE.key()));
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

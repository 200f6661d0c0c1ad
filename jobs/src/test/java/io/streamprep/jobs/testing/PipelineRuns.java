package io.streamprep.jobs.testing;

import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.jobs.image.Pipelines;
import io.streamprep.jobs.io.PipelineIo;
import io.streamprep.jobs.runtime.Environments;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the real text or image pipeline ({@code pipeline.kind}), built exactly as {@code
 * bin/streamprep run} builds it, on the MiniCluster of the calling test (registered with {@code
 * MiniClusterExtension}).
 */
public final class PipelineRuns {

    private PipelineRuns() {}

    /** Loads {@code key=value} settings the way {@code --set} does. */
    public static PipelineConfig config(List<String> settings) {
        ConfigLoader loader = new ConfigLoader();
        settings.forEach(loader::set);
        return loader.load();
    }

    /** Builds the job graph in a fresh environment of the test's MiniCluster. */
    public static StreamExecutionEnvironment build(PipelineConfig config) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        Environments.flinkConfiguration(config));
        PipelineIo io = PipelineIo.fromConfig(config.options());
        Pipelines.build(config.options(), io, env);
        return env;
    }

    /** Runs to completion (bounded inputs). */
    public static JobExecutionResult run(List<String> settings) throws Exception {
        return build(config(settings)).execute("test");
    }

    /** Starts the job and returns at once (unbounded inputs). */
    public static JobClient start(List<String> settings) throws Exception {
        return build(config(settings)).executeAsync("test");
    }
}

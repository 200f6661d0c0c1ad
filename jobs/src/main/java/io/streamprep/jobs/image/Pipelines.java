package io.streamprep.jobs.image;

import io.streamprep.jobs.io.PipelineIo;
import io.streamprep.schemas.config.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Builds the pipeline {@code pipeline.kind} selects: the one place that chooses. */
public final class Pipelines {

    private Pipelines() {}

    /**
     * Adds the text or image pipeline, reading from the source and writing to the sinks of {@code
     * io}.
     *
     * @throws IllegalArgumentException naming the option, if an option value is invalid
     */
    public static void build(
            ReadableConfig options, PipelineIo io, StreamExecutionEnvironment env) {
        if (options.get(PipelineOptions.KIND) == PipelineOptions.Kind.IMAGE) {
            new ImagePipelineJob(
                            options,
                            io.source(),
                            ImagePipelineSinks.fromConfig(options, io.sinks()))
                    .build(env);
        } else {
            io.job(options).build(env);
        }
    }
}

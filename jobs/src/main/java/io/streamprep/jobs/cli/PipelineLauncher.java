package io.streamprep.jobs.cli;

import io.streamprep.jobs.config.ConfigException;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.jobs.image.Pipelines;
import io.streamprep.jobs.io.OutputFolder;
import io.streamprep.jobs.io.PipelineIo;
import io.streamprep.jobs.runtime.Environments;
import io.streamprep.jobs.runtime.JobRunner;
import io.streamprep.jobs.stats.RunStats;
import io.streamprep.jobs.stats.SummaryPrinter;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds and runs the pipeline ({@code pipeline.kind}: text or image) for a loaded configuration:
 * shared by {@code run} and {@code backfill}. Attached, it waits for the job, prints progress and
 * the summary and writes {@code stats.json}; detached, it submits and returns (for clusters and
 * unbounded jobs).
 */
final class PipelineLauncher {

    private final PrintStream out;
    private final PrintStream err;

    PipelineLauncher(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Loads the configuration (a {@link ConfigException} is a usage error) and launches. */
    int launch(Supplier<PipelineConfig> config, boolean detached) throws IOException {
        PipelineConfig pipeline;
        PipelineIo io;
        StreamExecutionEnvironment env;
        try {
            pipeline = config.get();
            io = PipelineIo.fromConfig(pipeline.options());
            env = Environments.create(pipeline);
            Pipelines.build(pipeline.options(), io, env);
            io.outputFolder().ifPresent(OutputFolder::prepare);
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("streamprep: " + e.getMessage());
            return StreamprepCli.USAGE;
        }
        err.println(
                "streamprep: reading " + io.describeSource() + ", writing " + io.describeSinks());
        String name = pipeline.options().get(PipelineOptions.NAME);

        if (detached) {
            try {
                JobClient client = env.executeAsync(name);
                out.println("streamprep: submitted job " + client.getJobID());
                return 0;
            } catch (Exception e) {
                err.println("streamprep: submitting the job failed: " + rootMessage(e));
                return StreamprepCli.FAILED;
            }
        }

        long start = System.nanoTime();
        JobExecutionResult result;
        try {
            result = new JobRunner(err).run(env, name);
        } catch (Exception e) {
            err.println("streamprep: the job failed: " + rootMessage(e));
            e.printStackTrace(err);
            return StreamprepCli.FAILED;
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        RunStats stats = RunStats.fromAccumulators(result.getAllAccumulatorResults(), wallMillis);
        if (io.outputFolder().isPresent()) {
            Path statsFile = io.outputFolder().get().statsFile();
            Files.write(
                    statsFile,
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(stats));
        }
        SummaryPrinter.print(stats, io.describeSinks(), out);
        return 0;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}

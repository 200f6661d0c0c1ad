package io.streamprep.jobs.runtime;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a job to completion, printing progress (records read so far and the rate) while it runs.
 * Progress goes to the given stream, normally stderr, so the summary on stdout stays clean.
 */
public final class JobRunner {

    private static final long PROGRESS_INTERVAL_MS = 5_000;

    private final PrintStream progress;

    public JobRunner(PrintStream progress) {
        this.progress = progress;
    }

    /** Executes the job and waits for its result; a failed job throws with Flink's cause. */
    public JobExecutionResult run(StreamExecutionEnvironment env, String jobName) throws Exception {
        JobClient client = env.executeAsync(jobName);
        progress.println("streamprep: job " + client.getJobID() + " started");
        long start = System.nanoTime();
        while (true) {
            try {
                return client.getJobExecutionResult()
                        .get(PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                report(client, start);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private void report(JobClient client, long start) {
        try {
            Map<String, Object> acc = client.getAccumulators().get(2, TimeUnit.SECONDS);
            long in = acc.get("in.records") instanceof Number n ? n.longValue() : 0;
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.printf(
                    Locale.ROOT,
                    "streamprep: %,d records read in %.0f s (%,.0f records/s)%n",
                    in,
                    seconds,
                    in / Math.max(seconds, 1e-9));
        } catch (Exception e) {
            // Progress is best effort; the job's own result decides success.
            progress.println("streamprep: running...");
        }
    }
}

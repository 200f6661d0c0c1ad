package io.streamprep.jobs.determinism;

import io.streamprep.jobs.testing.KafkaTestEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.util.FlinkException;
import org.apache.flink.util.function.SupplierWithException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Bounded waits on jobs of the test's MiniCluster: every method returns when its condition holds or
 * throws {@link AssertionError} after its bound, cancelling the job where it waits for its end.
 */
final class RunningJobs {

    /** How long a whole job may take on a loaded 2-core machine. */
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    /** How long a job may take to reach a point in its input. */
    static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);

    private static final long POLL_MILLIS = 200;

    private RunningJobs() {}

    /** Waits for the job's end and returns its result; fails (and cancels it) after the bound. */
    static JobExecutionResult finish(JobClient client) throws Exception {
        try {
            return client.getJobExecutionResult()
                    .get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            client.cancel();
            throw new AssertionError("job " + client.getJobID() + " did not end in " + JOB_TIMEOUT);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Waits until the consumer group has committed at least {@code end} in every partition of
     * {@code topic}. The Kafka source commits on completed checkpoints only, so this also means a
     * checkpoint covering that input has completed.
     */
    static void awaitCommitted(KafkaTestEnvironment kafka, String group, String topic, long[] end)
            throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            await(
                    "group " + group + " to commit " + Arrays.toString(end),
                    () -> hasCommitted(admin, group, topic, end));
        }
    }

    /**
     * Waits until the running job's {@code in.records} accumulator (records read by the parse stage
     * of the current attempt) reaches {@code records}. Accumulators travel with TaskManager
     * heartbeats, so they lag by up to one heartbeat interval.
     */
    static void awaitRecordsRead(JobClient client, long records) throws Exception {
        await(
                "job " + client.getJobID() + " to read " + records + " records",
                () -> recordsRead(client.getAccumulators().get(10, TimeUnit.SECONDS)) >= records);
    }

    /**
     * Triggers checkpoints until one has committed {@code end} for the group (see {@link
     * #awaitCommitted}): for jobs whose periodic checkpoints are too rare to wait for.
     */
    static void checkpointUntilCommitted(
            MiniCluster cluster,
            JobClient client,
            KafkaTestEnvironment kafka,
            String group,
            String topic,
            long[] end)
            throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            await(
                    "a checkpoint that commits " + Arrays.toString(end) + " for " + group,
                    () -> {
                        checkpoint(cluster, client);
                        return hasCommitted(admin, group, topic, end);
                    });
        }
    }

    /**
     * Triggers checkpoints until the job ends and returns its result. A bounded job whose sources
     * have finished waits for a checkpoint to commit its last transactions; this supplies one when
     * periodic checkpoints are too rare. Cancels the job if it does not end in time.
     */
    static JobExecutionResult checkpointUntilFinished(MiniCluster cluster, JobClient client)
            throws Exception {
        try {
            await(
                    "job " + client.getJobID() + " to finish",
                    () -> {
                        checkpoint(cluster, client);
                        return client.getJobExecutionResult().isDone();
                    });
        } catch (AssertionError e) {
            client.cancel();
            throw e;
        }
        return finish(client);
    }

    /**
     * Once the group has committed {@code end} (see {@link #awaitCommitted}), stops the job with a
     * savepoint under {@code savepoints} and returns its path. With {@code drain} the sources end
     * event time first, flushing every buffered record, as the end of a bounded input does;
     * without, buffered records travel in the savepoint. Cancels the job if either step fails.
     */
    static String stopOnceCommitted(
            JobClient client,
            KafkaTestEnvironment kafka,
            String group,
            String topic,
            long[] end,
            boolean drain,
            Path savepoints)
            throws Exception {
        try {
            awaitCommitted(kafka, group, topic, end);
            return client.stopWithSavepoint(
                            drain, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(PROGRESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception | AssertionError e) {
            client.cancel();
            throw e;
        }
    }

    /** The {@code in.records} accumulator of a result or snapshot. */
    static long recordsRead(Map<String, Object> accumulators) {
        return accumulators.get("in.records") instanceof Number n ? n.longValue() : 0;
    }

    private static boolean hasCommitted(Admin admin, String group, String topic, long[] end)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
        for (int p = 0; p < end.length; p++) {
            OffsetAndMetadata offset = committed.get(new TopicPartition(topic, p));
            if (offset == null || offset.offset() < end[p]) {
                return false;
            }
        }
        return true;
    }

    /** One checkpoint; one that cannot be taken now (job restarting or ending) is no error. */
    private static void checkpoint(MiniCluster cluster, JobClient client) throws Exception {
        try {
            cluster.triggerCheckpoint(client.getJobID()).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Retried by the caller's loop.
        }
    }

    private static void await(String what, SupplierWithException<Boolean, Exception> condition)
            throws Exception {
        try {
            CommonTestUtils.waitUntilCondition(
                    condition, POLL_MILLIS, (int) (PROGRESS_TIMEOUT.toMillis() / POLL_MILLIS));
        } catch (FlinkException e) {
            throw new AssertionError(
                    "timed out after " + PROGRESS_TIMEOUT + " waiting for " + what);
        }
    }
}

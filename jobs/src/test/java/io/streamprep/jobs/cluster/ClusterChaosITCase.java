package io.streamprep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.cluster.TaskManagerKiller.Recovery;
import io.streamprep.jobs.testing.KafkaTestEnvironment;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.OutputTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The text pipeline on a real multi-process cluster ({@code deploy/local/stack.sh}: a Kafka broker
 * and a Flink JobManager with two TaskManagers, each its own process, from the job jar of this
 * build), with TaskManagers killed by {@code kill -9} while input streams in.
 *
 * <p>Exactly-once is checked two ways: every input line is accounted for exactly once in what a
 * {@code read_committed} consumer sees ({@link Ledger}), and the output equals, byte for byte as a
 * multiset per topic, that of an undisturbed run of the same job over the same input on the same
 * cluster. The counts and each recovery time are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterChaosITCase {

    private static final int PARTITIONS = 4;
    private static final int WORDNET_RECORDS = 100_000;
    private static final int FEED_PER_SECOND = 2_000;
    private static final int KILLS = 3;
    private static final int PARALLELISM = 2;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);

    @RegisterExtension
    static final LocalStackExtension STACK = new LocalStackExtension(2, PARALLELISM);

    @AfterEach
    void noLeakedProducers() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    @Order(1)
    void everyRecordExactlyOnceThroughThreeTaskManagerKills() throws Exception {
        long started = System.nanoTime();
        LocalStack stack = STACK.stack();
        KafkaTestEnvironment kafka = STACK.kafka();
        ClusterInput input = ClusterInput.create("chaos-input", PARTITIONS, WORDNET_RECORDS);
        ClusterJobs.createInputTopic(kafka, input);
        Path config = ClusterJobs.writeConfig(stack.dir(), kafka.bootstrapServers());
        List<ProducerRecord<byte[], byte[]>> records =
                input.lines().stream().map(input::record).toList();

        OutputTopics chaosOut = ClusterJobs.createOutputTopics(kafka, "chaos");
        String chaos =
                stack.submit(
                        STACK.jobJar(),
                        config,
                        ClusterJobs.settings(
                                "chaos", input, chaosOut, PARALLELISM, input.stopAtEnd()));
        stack.awaitAllTasksRunning(chaos, 0, RUN_TIMEOUT);
        assertThat(new JobProbe(stack, chaos).taskManagersWithRunningTasks())
                .as("the job's tasks are spread over both TaskManagers")
                .containsExactly(1, 2);

        List<Recovery> recoveries;
        // The last tenth waits until the kills are done, so every kill lands mid-stream.
        try (PacedProducer feeder =
                PacedProducer.start(
                        kafka.clientProperties(), records, FEED_PER_SECOND, records.size() / 10)) {
            recoveries = new TaskManagerKiller(stack, chaos).killDuring(feeder, KILLS);
            feeder.release();
            feeder.done().get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        stack.awaitState(chaos, "FINISHED", RUN_TIMEOUT);
        List<String> chaosFailures = new JobProbe(stack, chaos).failureNames();
        long chaosSeconds = (System.nanoTime() - started) / 1_000_000_000;
        assertThat(recoveries).hasSize(KILLS);
        assertThat(recoveries.stream().map(Recovery::taskManager).distinct())
                .as("kills alternate between the TaskManagers")
                .hasSize(2);

        OutputTopics referenceOut = ClusterJobs.createOutputTopics(kafka, "reference");
        String reference =
                stack.submit(
                        STACK.jobJar(),
                        config,
                        ClusterJobs.settings(
                                "reference", input, referenceOut, PARALLELISM, input.stopAtEnd()));
        stack.awaitState(reference, "FINISHED", RUN_TIMEOUT);
        assertThat(new JobProbe(stack, reference).failures())
                .as("failures of the undisturbed run")
                .isEmpty();

        RunOutput chaosOutput = RunOutput.read(kafka, chaosOut);
        RunOutput referenceOutput = RunOutput.read(kafka, referenceOut);
        Ledger.Result ledger = Ledger.account(input, chaosOutput);
        Ledger.Result referenceLedger = Ledger.account(input, referenceOutput);

        System.out.printf(
                "[chaos] run with %d kills (%d s, %,d lines fed at %,d/s): %s%n",
                KILLS, chaosSeconds, records.size(), FEED_PER_SECOND, ledger.summary());
        recoveries.forEach(r -> System.out.println("[chaos]   " + r));
        System.out.println("[chaos]   failures the job recovered from: " + chaosFailures);
        System.out.println("[chaos] undisturbed run: " + referenceLedger.summary());
        System.out.println("[chaos] values per topic: " + chaosOutput.counts());

        assertThat(referenceLedger.clean()).as(referenceLedger.report()).isTrue();
        assertThat(ledger.clean()).as(ledger.report()).isTrue();
        assertThat(ledger.lines()).isGreaterThanOrEqualTo(100_000);
        assertThat(RunOutput.difference(chaosOutput, "chaos", referenceOutput, "reference"))
                .as("difference between the run with kills and the undisturbed run")
                .isNull();
    }

    @Test
    @Order(2)
    void cancelledJobRunsAgainOnTheSameTaskManagers() throws Exception {
        LocalStack stack = STACK.stack();
        KafkaTestEnvironment kafka = STACK.kafka();
        ClusterInput input = ClusterInput.create("resubmit-input", PARTITIONS, 5_000);
        ClusterJobs.createInputTopic(kafka, input);
        kafka.send(input.lines().stream().map(input::record).toList());
        Path config = ClusterJobs.writeConfig(stack.dir(), kafka.bootstrapServers());
        Set<String> taskManagers = taskManagerIds(stack);

        for (String run : List.of("resubmit-1", "resubmit-2")) {
            OutputTopics out = ClusterJobs.createOutputTopics(kafka, run);
            String job =
                    stack.submit(
                            STACK.jobJar(),
                            config,
                            ClusterJobs.settings(run, input, out, PARALLELISM, "never"));
            stack.awaitAllTasksRunning(job, 0, RUN_TIMEOUT);
            JobProbe probe = new JobProbe(stack, job);
            int trained =
                    Polling.await(
                            run + " writes training records",
                            RUN_TIMEOUT,
                            () -> kafka.consumeAll(out.train()).size(),
                            n -> n >= 1_000);
            assertThat(probe.failures()).as("failures of %s (job %s)", run, job).isEmpty();
            assertThat(probe.taskManagersWithRunningTasks()).containsExactly(1, 2);
            stack.cancel(job);
            System.out.printf(
                    "[resubmit] %s: job %s ran on TaskManagers %s, %,d training records, no"
                            + " failures; cancelled%n",
                    run, job, taskManagers, trained);
        }
        assertThat(taskManagerIds(stack))
                .as("the same TaskManager processes ran both jobs")
                .isEqualTo(taskManagers);
    }

    private static Set<String> taskManagerIds(LocalStack stack) {
        Set<String> ids = new TreeSet<>();
        stack.rest("/taskmanagers")
                .path("taskmanagers")
                .forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }
}

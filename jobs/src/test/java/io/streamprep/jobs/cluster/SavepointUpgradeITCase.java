package io.streamprep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.testing.KafkaTestEnvironment;
import io.streamprep.jobs.testing.OutputTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upgrading the running text pipeline through a savepoint on a real multi-process cluster: the
 * streaming job is stopped with a savepoint partway through its input, and a changed job (another
 * parallelism, another name, another checkpoint interval: a new job graph with the same operator
 * uids) starts from it while the rest of the input arrives, and is finally drained. Every input
 * line must come out exactly once, and the output must equal that of one undisturbed run.
 *
 * <p>Both jobs read the topic unbounded: a bounded Kafka source ({@code source.kafka.stop}) that is
 * restored from a savepoint never finishes with flink-connector-kafka 5.0.0 (FLINK-31006), so a
 * resumed job is ended with stop-with-savepoint {@code --drain}, which also flushes every
 * event-time buffer.
 */
class SavepointUpgradeITCase {

    private static final int PARTITIONS = 4;
    private static final int WORDNET_RECORDS = 20_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    @RegisterExtension static final LocalStackExtension STACK = new LocalStackExtension(2, 2);

    @Test
    void upgradedJobContinuesFromSavepointExactlyOnce() throws Exception {
        long started = System.nanoTime();
        LocalStack stack = STACK.stack();
        KafkaTestEnvironment kafka = STACK.kafka();
        ClusterInput input = ClusterInput.create("upgrade-input", PARTITIONS, WORDNET_RECORDS);
        ClusterJobs.createInputTopic(kafka, input);
        Path config = ClusterJobs.writeConfig(stack.dir(), kafka.bootstrapServers());
        List<ProducerRecord<byte[], byte[]>> records =
                input.lines().stream().map(input::record).toList();
        int firstPart = records.size() / 2;
        kafka.send(records.subList(0, firstPart));

        OutputTopics out = ClusterJobs.createOutputTopics(kafka, "upgrade");
        List<String> v1 = ClusterJobs.settings("upgrade", input, out, 2, "never");
        v1.add("pipeline.name=streamprep-upgrade-v1");
        String job1 = stack.submit(STACK.jobJar(), config, v1);
        stack.awaitAllTasksRunning(job1, 0, RUN_TIMEOUT);
        long progress =
                Polling.await(
                        "v1 checkpoints a quarter of the input",
                        RUN_TIMEOUT,
                        () -> committedOffsets(kafka, "upgrade"),
                        n -> n >= records.size() / 4);
        String savepoint = stack.stopWithSavepoint(job1);
        System.out.printf(
                "[upgrade] v1 (job %s, parallelism 2) stopped with savepoint %s after at least"
                        + " %,d of %,d lines%n",
                job1, savepoint, progress, records.size());

        List<String> v2 = ClusterJobs.settings("upgrade", input, out, 4, "never");
        v2.add("pipeline.name=streamprep-upgrade-v2");
        v2.add("flink.execution.checkpointing.interval=3 s");
        String job2 = stack.submit(STACK.jobJar(), config, v2, savepoint);
        stack.awaitAllTasksRunning(job2, 0, RUN_TIMEOUT);
        assertThat(new JobProbe(stack, job2).parallelisms()).containsOnly(4);
        Map<String, String> restore = stack.checkpoints(job2);
        assertThat(restore)
                .containsEntry("restored", "1")
                .containsEntry("latest_restored_is_savepoint", "true");
        assertThat(restore.get("latest_restored_path")).isEqualTo(savepoint);

        kafka.send(records.subList(firstPart, records.size()));
        Polling.await(
                "v2 checkpoints all of the input",
                RUN_TIMEOUT,
                () -> committedOffsets(kafka, "upgrade"),
                n -> n == records.size());
        stack.drain(job2);
        assertThat(new JobProbe(stack, job2).failures()).as("failures of v2").isEmpty();
        long upgradeSeconds = (System.nanoTime() - started) / 1_000_000_000;

        OutputTopics referenceOut = ClusterJobs.createOutputTopics(kafka, "upgrade-reference");
        String reference =
                stack.submit(
                        STACK.jobJar(),
                        config,
                        ClusterJobs.settings(
                                "upgrade-reference", input, referenceOut, 2, input.stopAtEnd()));
        stack.awaitState(reference, "FINISHED", RUN_TIMEOUT);

        RunOutput upgraded = RunOutput.read(kafka, out);
        RunOutput undisturbed = RunOutput.read(kafka, referenceOut);
        Ledger.Result ledger = Ledger.account(input, upgraded);
        System.out.printf(
                "[upgrade] v1 + v2 (parallelism 2, then 4; %d s): %s%n",
                upgradeSeconds, ledger.summary());
        System.out.println("[upgrade] values per topic: " + upgraded.counts());
        assertThat(ledger.clean()).as(ledger.report()).isTrue();
        assertThat(RunOutput.difference(upgraded, "upgraded", undisturbed, "undisturbed"))
                .as("difference between the upgraded run and an undisturbed run")
                .isNull();
    }

    /** The sum of the offsets a consumer group committed (the source commits on checkpoints). */
    private static long committedOffsets(KafkaTestEnvironment kafka, String group)
            throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            Map<?, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            return offsets.values().stream()
                    .filter(Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }
}

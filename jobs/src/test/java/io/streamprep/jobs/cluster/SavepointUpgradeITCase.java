package io.streamprep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.testing.KafkaTestEnvironment;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.OutputTopics;
import io.streamprep.jobs.testing.SampleData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
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
    private static final int FIXTURE_RECORDS = 1_000;

    /**
     * Set to true to replace the committed savepoint fixture with one made by this build (when a
     * change breaks savepoint compatibility on purpose); the test then checks the new one.
     */
    static final String REGENERATE_PROPERTY = "streamprep.savepoint-fixture.regenerate";

    @RegisterExtension static final LocalStackExtension STACK = new LocalStackExtension(2, 2);

    @AfterEach
    void noLeakedProducers() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

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
                        () -> CommittedOffsets.total(kafka, "upgrade", input),
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
                () -> CommittedOffsets.total(kafka, "upgrade", input),
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

    @Test
    void savepointOfAnEarlierBuildStillRestores() throws Exception {
        LocalStack stack = STACK.stack();
        KafkaTestEnvironment kafka = STACK.kafka();
        Path config = ClusterJobs.writeConfig(stack.dir(), kafka.bootstrapServers());
        Path fixtureDir = SavepointFixture.sourceDir(SampleData.repoRoot());
        int sent = 0;
        if (Boolean.getBoolean(REGENERATE_PROPERTY)) {
            sent = regenerateFixture(fixtureDir, config);
        }
        SavepointFixture fixture = SavepointFixture.load(fixtureDir);
        ClusterInput input =
                ClusterInput.create(
                        fixture.topic(), fixture.partitions(), fixture.wordNetRecords());
        if (sent == 0) {
            ClusterJobs.createInputTopic(kafka, input);
        }
        List<ProducerRecord<byte[], byte[]>> records =
                input.lines().stream().map(input::record).toList();
        kafka.send(records.subList(sent, records.size()));

        String savepoint = fixture.copySavepointTo(stack.dir().resolve("fixture-savepoint"));
        OutputTopics out = ClusterJobs.createOutputTopics(kafka, "fixture");
        String job =
                stack.submit(
                        STACK.jobJar(),
                        config,
                        ClusterJobs.settings("fixture", input, out, 2, "never"),
                        savepoint);
        stack.awaitAllTasksRunning(job, 0, RUN_TIMEOUT);
        assertThat(stack.checkpoints(job))
                .containsEntry("restored", "1")
                .containsEntry("latest_restored_is_savepoint", "true");
        Polling.await(
                "the restored job checkpoints all of the input",
                RUN_TIMEOUT,
                () -> CommittedOffsets.total(kafka, "fixture", input),
                n -> n == records.size());
        stack.drain(job);
        assertThat(new JobProbe(stack, job).failures()).as("failures").isEmpty();

        OutputTopics referenceOut = ClusterJobs.createOutputTopics(kafka, "fixture-reference");
        String reference =
                stack.submit(
                        STACK.jobJar(),
                        config,
                        ClusterJobs.settings(
                                "fixture-reference", input, referenceOut, 2, input.stopAtEnd()));
        stack.awaitState(reference, "FINISHED", RUN_TIMEOUT);

        RunOutput restored = RunOutput.read(kafka, out);
        RunOutput undisturbed = RunOutput.read(kafka, referenceOut);
        // After the savepoint every line exactly once; from before it, what was still in state.
        Ledger.Result after =
                Ledger.account(input, restored, line -> !fixture.before(line), line -> true);
        // What the undisturbed run wrote and the restored one did not: the earlier build's output.
        Ledger.Result earlier =
                Ledger.account(input, undisturbed.minus(restored), line -> false, fixture::before);
        long afterLines = input.lines().stream().filter(line -> !fixture.before(line)).count();
        System.out.printf(
                "[fixture] restored %s (made by %s): %s; %d lines from before the savepoint came"
                        + " out of restored state; the earlier build had written %d values%n",
                fixtureDir.getFileName(),
                fixture.createdBy(),
                after.summary(),
                after.accounted() - afterLines,
                undisturbed.minus(restored).size());
        assertThat(after.clean()).as(after.report()).isTrue();
        assertThat(earlier.clean()).as(earlier.report()).isTrue();
        assertThat(restored.minus(undisturbed).size())
                .as("values the restored run wrote that an undisturbed run does not")
                .isZero();
        assertThat(after.accounted() - afterLines)
                .as("lines from before the savepoint that were waiting in dedup state")
                .isPositive();
    }

    /**
     * Makes a new savepoint fixture with this build: the first part of a small input read with
     * AT_LEAST_ONCE sinks (no Kafka transactions in the state), stopped with a savepoint; returns
     * how many lines were sent.
     */
    private static int regenerateFixture(Path fixtureDir, Path config) throws Exception {
        LocalStack stack = STACK.stack();
        KafkaTestEnvironment kafka = STACK.kafka();
        ClusterInput input = ClusterInput.create("fixture-input", 2, FIXTURE_RECORDS);
        ClusterJobs.createInputTopic(kafka, input);
        int firstPart = input.lines().size() * 3 / 5;
        kafka.send(input.lines().subList(0, firstPart).stream().map(input::record).toList());
        OutputTopics out = ClusterJobs.createOutputTopics(kafka, "fixture-v0");
        List<String> settings = ClusterJobs.settings("fixture-v0", input, out, 2, "never");
        settings.add("sink.kafka.delivery-guarantee=AT_LEAST_ONCE");
        String job = stack.submit(STACK.jobJar(), config, settings);
        stack.awaitAllTasksRunning(job, 0, RUN_TIMEOUT);
        Polling.await(
                "the fixture job checkpoints the first part",
                RUN_TIMEOUT,
                () -> CommittedOffsets.total(kafka, "fixture-v0", input),
                n -> n == firstPart);
        String savepoint = stack.stopWithSavepoint(job);
        long[] offsets = CommittedOffsets.of(kafka, "fixture-v0", input);
        String createdBy =
                STACK.jobJar().getFileName()
                        + " on Flink "
                        + EnvironmentInformation.getVersion()
                        + ", "
                        + LocalDate.now();
        SavepointFixture.write(fixtureDir, savepoint, input, FIXTURE_RECORDS, offsets, createdBy);
        System.out.println("[fixture] regenerated " + fixtureDir + " from " + savepoint);
        return firstPart;
    }
}

package io.streamprep.jobs.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.cli.StreamprepCli;
import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.testing.KafkaExtension;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.OutputTopics;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.JobType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Determinism of the text pipeline (issue #3): the same input and configuration give the same five
 * outputs, byte for byte as multisets, at parallelism 1, 2 and 4, across a TaskManager failure and
 * restart, across stop-with-savepoint and restore, in BATCH mode, in a drained unbounded live run
 * and in a {@code backfill} of the live topic.
 *
 * <p>One MiniCluster (two TaskManagers, slots spread evenly, so killing one always hits the job)
 * and one Kafka broker serve the class. The input ({@link DisorderedInput}) has duplicates whose
 * copies sit in different partitions and arrive out of event-time order within the configured
 * bound; a reference run (STREAMING, parallelism 2) is first checked against the dedup rule worked
 * out without Flink ({@link ExpectedOutput}), and every other run must reproduce it exactly. Kafka
 * sinks are EXACTLY_ONCE and outputs are read {@code read_committed}. Runs that feed their own
 * input topic progressively are compared after renaming that topic in their dead letters' source
 * positions, the one field that names it. A last check runs the shipped sample from a file at
 * parallelism 1 and 4.
 */
class DeterminismITCase {

    private static final int TASK_MANAGERS = 2;
    private static final int SLOTS_PER_TASK_MANAGER = 4;
    private static final int REFERENCE_PARALLELISM = 2;
    private static final int OUTPUT_PARTITIONS = 2;
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(1);
    private static final long TASK_MANAGER_STOP_SECONDS = 60;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(TASK_MANAGERS)
                            .setNumberSlotsPerTaskManager(SLOTS_PER_TASK_MANAGER)
                            .setConfiguration(clusterConfiguration())
                            .build());

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    private static DisorderedInput input;
    private static String inputTopic;
    private static Outputs reference;
    private static List<String> referenceSettings;

    @BeforeAll
    static void feedInput() {
        input = DisorderedInput.build();
        assertThat(input.maxDisorderMillis())
                .as("event time goes back within partitions, but within the bound")
                .isPositive()
                .isLessThan(OUT_OF_ORDERNESS.toMillis());
        inputTopic = newInputTopic();
        KAFKA.send(input.slice(inputTopic, 0, 1));
    }

    @AfterEach
    void noLeakedProducers() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    void referenceRunFollowsTheDedupRuleExactly() throws Exception {
        Outputs out = reference();
        ExpectedOutput expected =
                ExpectedOutput.of(
                        input, inputTopic, PipelineRuns.config(referenceSettings).options());
        assertThat(expected.tieBreaks()).as("duplicates decided by the id tiebreak").isPositive();
        assertThat(expected.lateWinners()).as("winners sent after their duplicate").isPositive();
        assertThat(expected.duplicates()).hasSizeGreaterThan(input.copies() / 2);

        for (String kind : Outputs.KINDS) {
            assertThat(out.count(kind)).as("records in %s", kind).isPositive();
        }

        List<DuplicateRecord> duplicates =
                out.values().get("duplicates").stream()
                        .map(v -> Json.fromString(v, DuplicateRecord.class))
                        .toList();
        assertThat(duplicates).doesNotHaveDuplicates();
        assertThat(new HashSet<>(duplicates)).isEqualTo(expected.duplicates());

        List<TrainingRecord> training = new ArrayList<>();
        for (String split : List.of("train", "validation", "test")) {
            for (String value : out.values().get(split)) {
                TrainingRecord record = Json.fromString(value, TrainingRecord.class);
                assertThat(record.split()).isEqualTo(split);
                training.add(record);
            }
        }
        assertThat(training).extracting(TrainingRecord::id).doesNotHaveDuplicates();
        assertThat(training.stream().map(TrainingRecord::sourceId).distinct())
                .containsExactlyInAnyOrderElementsOf(expected.keptIds());

        Map<String, String> reasons = new HashMap<>();
        for (String value : out.values().get("dlq")) {
            DeadLetterRecord d = Json.fromString(value, DeadLetterRecord.class);
            assertThat(reasons.put(d.position(), d.reason())).as(d.position()).isNull();
        }
        assertThat(reasons).isEqualTo(expected.deadLetterReasons());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void sameOutputAtOtherParallelisms(int parallelism) throws Exception {
        OutputTopics out = OutputTopics.create(KAFKA, "out", OUTPUT_PARTITIONS);
        RunningJobs.finish(
                PipelineRuns.start(streaming(inputTopic, out, parallelism, "latest", runId("p"))));
        read(out).assertSameAs(reference(), "STREAMING at parallelism " + parallelism);
    }

    @Test
    void sameOutputInBatchMode() throws Exception {
        OutputTopics out = OutputTopics.create(KAFKA, "out", OUTPUT_PARTITIONS);
        // No runtime mode set: AUTOMATIC with a bounded source, as backfill runs by default.
        StreamExecutionEnvironment env =
                PipelineRuns.build(
                        PipelineRuns.config(settings(inputTopic, out, 4, "latest", runId("b"))));
        StreamGraph graph = env.getStreamGraph();
        assertThat(graph.getJobType()).isEqualTo(JobType.BATCH);
        RunningJobs.finish(env.executeAsync(graph));
        read(out).assertSameAs(reference(), "BATCH at parallelism 4");
    }

    @Test
    void sameOutputAcrossTaskManagerFailure(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        String topic = newInputTopic();
        OutputTopics out = OutputTopics.create(KAFKA, "out", OUTPUT_PARTITIONS);
        String run = runId("failover");
        List<String> settings =
                streaming(topic, out, REFERENCE_PARALLELISM, input.stopAtEnd(), run);
        // Checkpoints only when the test asks, so the failure lands at a known distance from the
        // last one: everything read after it is replayed and its output rolled back.
        settings.add("flink.execution.checkpointing.interval=1 h");
        // The restart restores a checkpoint written through the paced storage: pacing changes
        // only how fast snapshots are written (the other tests use Flink's storage directly).
        settings.add("pipeline.checkpoint-write-rate=4 mb");
        KAFKA.send(input.slice(topic, 0, 0.4));
        JobClient client = PipelineRuns.start(settings);
        JobExecutionResult result;
        boolean killed = false;
        try {
            RunningJobs.awaitRecordsRead(client, sum(input.sliceEnd(0.4)));
            RunningJobs.checkpointUntilCommitted(
                    cluster, client, KAFKA, run, topic, input.sliceEnd(0.4));
            KAFKA.send(input.slice(topic, 0.4, 0.7));
            RunningJobs.awaitRecordsRead(client, sum(input.sliceEnd(0.7)));
            cluster.terminateTaskManager(0).get(TASK_MANAGER_STOP_SECONDS, TimeUnit.SECONDS);
            killed = true;
            KAFKA.send(input.slice(topic, 0.7, 1));
            result = RunningJobs.checkpointUntilFinished(cluster, client);
        } finally {
            if (killed) {
                cluster.startTaskManager();
            } else {
                client.cancel();
            }
        }
        // The attempt that finished restarted from the checkpoint after the first slice: it read
        // the second slice again, and the third.
        assertThat(RunningJobs.recordsRead(result.getAllAccumulatorResults()))
                .as("records read after the restart")
                .isEqualTo(sum(input.partitionSizes()) - sum(input.sliceEnd(0.4)));
        read(out)
                .withInputTopic(topic, inputTopic)
                .assertSameAs(reference(), "TaskManager killed and job restarted");
    }

    @Test
    void sameOutputAcrossStopWithSavepointAndRestore(@TempDir Path savepoints) throws Exception {
        String topic = newInputTopic();
        OutputTopics out = OutputTopics.create(KAFKA, "out", OUTPUT_PARTITIONS);
        String run = runId("resume");
        // A live job (unbounded), upgraded mid-stream: a bounded Kafka source restored from a
        // savepoint never finishes (FLINK-33466), so only the unbounded case can be run to its end.
        List<String> settings = settings(topic, out, REFERENCE_PARALLELISM, "never", run);
        KAFKA.send(input.slice(topic, 0, 0.5));
        // No drain: records the dedup stage still holds back must travel in the savepoint.
        String savepoint =
                RunningJobs.stopOnceCommitted(
                        PipelineRuns.start(settings),
                        KAFKA,
                        run,
                        topic,
                        input.sliceEnd(0.5),
                        false,
                        savepoints.resolve("upgrade"));
        KAFKA.send(input.slice(topic, 0.5, 1));
        List<String> resumed = new ArrayList<>(settings);
        resumed.add("flink.execution.state-recovery.path=" + savepoint);
        JobClient second = PipelineRuns.start(resumed);
        RunningJobs.stopOnceCommitted(
                second, KAFKA, run, topic, input.partitionSizes(), true, savepoints.resolve("end"));
        JobExecutionResult result = RunningJobs.finish(second);
        assertThat(RunningJobs.recordsRead(result.getAllAccumulatorResults()))
                .as("records read after the restore")
                .isEqualTo(sum(input.partitionSizes()) - sum(input.sliceEnd(0.5)));
        read(out)
                .withInputTopic(topic, inputTopic)
                .assertSameAs(reference(), "stop-with-savepoint and restore");
    }

    @Test
    void backfillReproducesTheDrainedLiveRun(@TempDir Path dir) throws Exception {
        OutputTopics live = OutputTopics.create(KAFKA, "live", OUTPUT_PARTITIONS);
        String run = runId("live");
        // The live config: unbounded (source.kafka.stop=never) and no runtime mode, so STREAMING.
        Path config = dir.resolve("live.yaml");
        writeYaml(config, settings(inputTopic, live, REFERENCE_PARALLELISM, "never", run));
        JobClient client =
                PipelineRuns.build(new ConfigLoader().file(config).load()).executeAsync("live");
        // Draining ends event time, as the end of a bounded input does.
        RunningJobs.stopOnceCommitted(
                client,
                KAFKA,
                run,
                inputTopic,
                input.partitionSizes(),
                true,
                dir.resolve("savepoints"));
        Outputs liveOutputs = read(live);
        liveOutputs.assertSameAs(reference(), "live unbounded run, drained");

        String suffix = "-replay";
        OutputTopics replay =
                new OutputTopics(
                        live.train() + suffix,
                        live.validation() + suffix,
                        live.test() + suffix,
                        live.dlq() + suffix,
                        live.duplicates() + suffix);
        for (String topic :
                List.of(
                        replay.train(),
                        replay.validation(),
                        replay.test(),
                        replay.dlq(),
                        replay.duplicates())) {
            KAFKA.createTopic(topic, OUTPUT_PARTITIONS);
        }
        int exit =
                StreamprepCli.execute(
                        "backfill",
                        "--config",
                        config.toString(),
                        "--topic-suffix",
                        suffix,
                        "--parallelism",
                        "4");
        assertThat(exit).as("backfill exit code").isZero();
        read(replay).assertSameAs(liveOutputs, "backfill (BATCH, parallelism 4) of the live topic");
    }

    @Test
    void fileSourceGivesTheSameFilesAtParallelism1And4(@TempDir Path dir) throws Exception {
        Outputs one = fileRun(dir.resolve("p1"), 1);
        Outputs four = fileRun(dir.resolve("p4"), 4);
        four.assertSameAs(one, "file source, BATCH, parallelism 4");
        // The sample's documented totals under the reference configuration.
        assertThat(one.count("dlq")).isEqualTo(11);
        assertThat(one.count("duplicates")).isEqualTo(11);
        assertThat(one.count("train") + one.count("validation") + one.count("test"))
                .isGreaterThanOrEqualTo(2010);
        assertThat(one.count("validation")).isPositive();
        assertThat(one.count("test")).isPositive();
    }

    private static Outputs fileRun(Path output, int parallelism) throws Exception {
        RunningJobs.finish(
                PipelineRuns.start(
                        List.of(
                                "source.type=FILE",
                                "source.file.path=" + SampleData.file(),
                                "sink.type=FILE",
                                "sink.file.path=" + output,
                                "labels.list=" + SampleData.LABELS,
                                "pipeline.parallelism=" + parallelism)));
        return Outputs.fromFolder(output);
    }

    private static synchronized Outputs reference() throws Exception {
        if (reference == null) {
            OutputTopics out = OutputTopics.create(KAFKA, "reference", OUTPUT_PARTITIONS);
            referenceSettings =
                    streaming(inputTopic, out, REFERENCE_PARALLELISM, "latest", runId("reference"));
            RunningJobs.finish(PipelineRuns.start(referenceSettings));
            reference = read(out);
        }
        return reference;
    }

    /** The live configuration: Kafka in and out, exactly-once, the test's bounds and window. */
    private static List<String> settings(
            String topic, OutputTopics out, int parallelism, String stop, String run) {
        List<String> settings = new ArrayList<>(out.sinkSettings());
        settings.addAll(
                List.of(
                        "source.type=KAFKA",
                        "source.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "source.kafka.topic=" + topic,
                        "source.kafka.group-id=" + run,
                        "source.kafka.start=earliest",
                        "source.kafka.stop=" + stop,
                        "source.watermark.out-of-orderness=" + OUT_OF_ORDERNESS.toMillis() + " ms",
                        // Longer than any pause in feeding: an idle partition that wakes up after
                        // others have moved event time on would see its records as late.
                        "source.watermark.idle-timeout=10 min",
                        "dedup.exact.window=" + DisorderedInput.DEDUP_WINDOW.toMillis() + " ms",
                        "sink.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "sink.kafka.delivery-guarantee=EXACTLY_ONCE",
                        "sink.kafka.transactional-id-prefix=" + run,
                        "labels.list=" + SampleData.LABELS,
                        "pipeline.parallelism=" + parallelism,
                        "flink.execution.checkpointing.interval=1 s"));
        return settings;
    }

    /** {@link #settings} forced to STREAMING, as a live job runs even on a bounded source. */
    private static List<String> streaming(
            String topic, OutputTopics out, int parallelism, String stop, String run) {
        List<String> settings = settings(topic, out, parallelism, stop, run);
        settings.add("flink.execution.runtime-mode=STREAMING");
        return settings;
    }

    private static void writeYaml(Path file, List<String> settings) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            lines.add(
                    setting.substring(0, eq)
                            + ": '"
                            + setting.substring(eq + 1).replace("'", "''")
                            + "'");
        }
        Files.write(file, lines);
    }

    private static String newInputTopic() {
        return KAFKA.newTopic("input", DisorderedInput.PARTITIONS);
    }

    private static Outputs read(OutputTopics out) {
        return new Outputs(out.committedValues(KAFKA));
    }

    private static String runId(String base) {
        return KAFKA.uniqueTopicName(base);
    }

    private static long sum(long[] values) {
        return LongStream.of(values).sum();
    }

    private static Configuration clusterConfiguration() {
        Configuration config = new Configuration();
        config.set(
                TaskManagerOptions.TASK_MANAGER_LOAD_BALANCE_MODE,
                TaskManagerOptions.TaskManagerLoadBalanceMode.SLOTS);
        // Accumulators reach the JobManager with heartbeats; the failover test watches them.
        config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        return config;
    }
}

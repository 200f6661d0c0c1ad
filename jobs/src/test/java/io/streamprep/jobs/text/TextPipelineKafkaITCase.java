package io.streamprep.jobs.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.corpus.ExpectedOutcome;
import io.streamprep.jobs.testing.KafkaExtension;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.OutputTopics;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The text pipeline end to end on a Flink MiniCluster (parallelism 2) with a real Kafka broker: the
 * shipped sample, bad lines and duplicates included, goes into a topic and every line comes out
 * exactly where its expectation says, exactly once, with EXACTLY_ONCE sinks.
 */
class TextPipelineKafkaITCase {

    /** The sum over all subtasks of the counters whose metric identifier ends with the name. */
    private static long counterSum(JobExecutionResult result, String name) {
        return METRICS.findMetrics(result.getJobID(), name).entrySet().stream()
                .filter(e -> e.getKey().endsWith("." + name))
                .mapToLong(e -> ((Counter) e.getValue()).getCount())
                .sum();
    }

    private static final int PARALLELISM = 2;
    private static final int INPUT_PARTITIONS = 4;

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @AfterEach
    void noLeakedProducers() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    void sampleComesOutExactlyAsExpected() throws Exception {
        List<byte[]> lines = SampleData.lines();
        String input = KAFKA.newTopic("input", INPUT_PARTITIONS);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<String, Integer> lineByPosition = new HashMap<>();
        int[] nextOffset = new int[INPUT_PARTITIONS];
        for (int i = 0; i < lines.size(); i++) {
            int partition = i % INPUT_PARTITIONS;
            records.add(new ProducerRecord<>(input, partition, null, lines.get(i)));
            lineByPosition.put(
                    "kafka:" + input + "-" + partition + "@" + nextOffset[partition]++, i + 1);
        }
        KAFKA.send(records);
        OutputTopics out = OutputTopics.create(KAFKA, "out", 2);

        List<String> settings = new ArrayList<>(out.sinkSettings());
        settings.addAll(
                List.of(
                        "source.type=KAFKA",
                        "source.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "source.kafka.topic=" + input,
                        "source.kafka.start=earliest",
                        "source.kafka.stop=latest",
                        "sink.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "sink.kafka.delivery-guarantee=EXACTLY_ONCE",
                        "sink.kafka.transactional-id-prefix=" + input,
                        "labels.list=" + SampleData.LABELS,
                        "pipeline.parallelism=" + PARALLELISM,
                        // Streaming on purpose: watermarks, checkpoints and transactions in play.
                        "flink.execution.runtime-mode=STREAMING",
                        "flink.execution.checkpointing.interval=1 s"));
        JobExecutionResult result = PipelineRuns.run(settings);

        Map<Integer, ExpectedOutcome> expected = SampleData.expectations();

        // Dead letters: exactly the expected lines, reasons and original bytes.
        List<DeadLetterRecord> deadLetters = out.deadLetters(KAFKA);
        Map<Integer, String> reasonByLine = new HashMap<>();
        for (DeadLetterRecord d : deadLetters) {
            Integer line = lineByPosition.get(d.position());
            assertThat(line).as("position %s", d.position()).isNotNull();
            assertThat(reasonByLine.put(line, d.reason())).as("line %d twice", line).isNull();
            assertThat(d.original()).isEqualTo(lines.get(line - 1));
        }
        Map<Integer, String> expectedReasons =
                expected.values().stream()
                        .filter(e -> e.expect() == ExpectedOutcome.Outcome.DEAD_LETTER)
                        .collect(Collectors.toMap(ExpectedOutcome::line, ExpectedOutcome::reason));
        assertThat(reasonByLine).isEqualTo(expectedReasons);

        // Duplicates: exactly the expected (id, duplicate_of) pairs.
        Set<DuplicateRecord> expectedDuplicates =
                expected.values().stream()
                        .filter(e -> e.expect() == ExpectedOutcome.Outcome.DUPLICATE)
                        .map(e -> new DuplicateRecord(e.id(), e.duplicateOf(), "exact", 1.0))
                        .collect(Collectors.toSet());
        List<DuplicateRecord> duplicates = out.duplicateRecords(KAFKA);
        assertThat(duplicates).doesNotHaveDuplicates();
        assertThat(new HashSet<>(duplicates)).isEqualTo(expectedDuplicates);

        // Training records: every other line once, in the split its id hashes to.
        Set<String> dropped = new HashSet<>();
        expected.values().stream()
                .filter(e -> e.expect() != ExpectedOutcome.Outcome.PASS && e.id() != null)
                .forEach(e -> dropped.add(e.id()));
        Set<String> expectedSources = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ExpectedOutcome e = expected.get(i + 1);
            if (e == null || e.expect() == ExpectedOutcome.Outcome.PASS) {
                expectedSources.add(Json.fromBytes(lines.get(i), TextRecord.class).id());
            }
        }
        List<TrainingRecord> training = out.training(KAFKA);
        assertThat(training).extracting(TrainingRecord::id).doesNotHaveDuplicates();
        assertThat(training.stream().map(TrainingRecord::sourceId).collect(Collectors.toSet()))
                .isEqualTo(expectedSources);
        SplitAssigner splits = new SplitAssigner(42, 0.8, 0.1, 0.1);
        for (TrainingRecord r : training) {
            assertThat(r.split()).isEqualTo(splits.splitOf(r.sourceId()));
            assertThat(r.inputIds()[0]).isEqualTo(101); // [CLS]
            assertThat(r.inputIds()[r.inputIds().length - 1]).isEqualTo(102); // [SEP]
        }
        List<String> placeholderTexts =
                training.stream()
                        .filter(r -> r.sourceId().startsWith("sample-pii"))
                        .map(TrainingRecord::text)
                        .toList();
        assertThat(placeholderTexts).hasSize(5).allMatch(t -> t.contains("<") && !t.contains("@"));

        // The run's counters agree with what was committed.
        assertThat(result.<Long>getAccumulatorResult("in.records")).isEqualTo(lines.size());
        assertThat(result.<Long>getAccumulatorResult("duplicates.exact"))
                .isEqualTo(expectedDuplicates.size());

        // ...and so do the Flink metrics a monitoring system scrapes.
        Map<String, Long> expectedPerReason =
                expectedReasons.values().stream()
                        .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        for (Map.Entry<String, Long> reason : expectedPerReason.entrySet()) {
            assertThat(counterSum(result, "streamprep.dlq." + reason.getKey()))
                    .as("metric streamprep.dlq.%s", reason.getKey())
                    .isEqualTo(reason.getValue());
        }
        assertThat(counterSum(result, "streamprep.duplicates.exact"))
                .isEqualTo(expectedDuplicates.size());
        assertThat(counterSum(result, "streamprep.in.records")).isEqualTo(lines.size());
    }
}

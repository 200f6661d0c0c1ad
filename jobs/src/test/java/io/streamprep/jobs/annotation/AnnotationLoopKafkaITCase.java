package io.streamprep.jobs.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamprep.jobs.testing.KafkaExtension;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.OutputTopics;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.operators.annotation.AgreementCounts;
import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation loop end to end on a MiniCluster (parallelism 2) with a real Kafka broker: records
 * in, annotation requests out, human labels and model feedback in, labelled training records and
 * expired records out, agreement as metrics and accumulators. Expected values are worked out by
 * hand in the comments.
 */
class AnnotationLoopKafkaITCase {

    private static final int PARALLELISM = 2;
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

    /**
     * Two annotators on Wikipedia's Cohen's kappa example (50 items: both yes 20, A yes B no 5, A
     * no B yes 10, both no 15; kappa 0.4), records that never get a label, an orphan label, and
     * model feedback that reorders the request queue (top-2 per 10 s window).
     */
    @Test
    void twoAnnotatorsExpiryAndFeedbackReordering() throws Exception {
        Topics t = new Topics("two");
        List<String> records = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String id = String.format("c%02d", i);
            records.add(record(id, 1_000 + i * 10L, "grant proposal number " + i));
            String a = i <= 25 ? "yes" : "no";
            String b = i <= 20 || (i > 25 && i <= 35) ? "yes" : "no";
            labels.add(label(id, a, "ann", 20_000 + i));
            labels.add(label(id, b, "bob", 20_100 + i));
        }
        records.add(
                "{\"id\":\"given\",\"ts\":1500,\"text\":\"already labelled\",\"label\":\"yes\"}");
        records.add(record("e1", 21_000, "nobody labels this one"));
        records.add(record("e2", 22_000, "nor this one"));
        for (int i = 1; i <= 4; i++) {
            records.add(record("q" + i, 40_000 + i * 1_000L, "queued text " + i));
        }
        labels.add(label("ghost", "yes", "ann", 5_000));
        labels.add("{\"id\":\"c01\",\"annotator\":\"ann\",\"ts\":1}"); // no label: dead letter
        List<String> feedback =
                List.of(
                        // q1 and q2 become confident before their window closes (45 s < 49.999 s)
                        // and fall out of the top 2: q3 and q4 are requested instead.
                        feedback("q1", 45_000, 0.97, 0.03),
                        feedback("q2", 45_500, 0.03, 0.97),
                        // q4 is still held at 55 s: the new (uncertain) score requests it again.
                        feedback("q4", 55_000, 0.5, 0.5),
                        // feedback for a record that is not held is counted and dropped.
                        feedback("given", 2_000, 0.1, 0.9));
        JobExecutionResult result =
                run(
                        t,
                        records,
                        labels,
                        feedback,
                        List.of("annotation.votes-required=2", "annotation.top-k=2"));

        Map<String, List<AnnotationRequest>> requestsByWindow =
                t.requests().stream()
                        .collect(
                                Collectors.groupingBy(
                                        r -> Long.toString(r.window()),
                                        TreeMap::new,
                                        Collectors.toList()));
        // Window 0: 50 equally uncertain proposals (no votes): top-2 by id.
        assertThat(ranked(requestsByWindow.get("0"))).containsExactly("c01:1:0", "c02:2:0");
        assertThat(ranked(requestsByWindow.get("20000"))).containsExactly("e1:1:0", "e2:2:0");
        assertThat(ranked(requestsByWindow.get("40000"))).containsExactly("q3:1:0", "q4:2:0");
        assertThat(ranked(requestsByWindow.get("50000"))).containsExactly("q4:1:1");
        AnnotationRequest again = requestsByWindow.get("50000").get(0);
        assertThat(again.scoredBy()).isEqualTo("model");
        assertThat(again.entropy()).isEqualTo(1.0);
        assertThat(requestsByWindow).hasSize(4);

        // Agreeing pairs (20 yes, 15 no) are labelled; the 15 disagreeing ones tie and expire.
        Map<String, String> labelled = new TreeMap<>();
        for (TrainingRecord r : t.out.training(KAFKA)) {
            labelled.put(r.sourceId(), r.label() + "@" + r.labelConfidence());
        }
        Map<String, String> expectedLabels = new TreeMap<>();
        for (int i = 1; i <= 50; i++) {
            if (i <= 20) {
                expectedLabels.put(String.format("c%02d", i), "yes@1.0");
            } else if (i > 35) {
                expectedLabels.put(String.format("c%02d", i), "no@1.0");
            }
        }
        expectedLabels.put("given", "yes@null");
        assertThat(labelled).isEqualTo(expectedLabels);

        Map<String, String> expired = new TreeMap<>();
        for (ExpiredAnnotation e : t.expired()) {
            assertThat(expired.put(e.id(), e.reason() + "@" + e.expiredAt())).isNull();
        }
        Map<String, String> expectedExpired = new TreeMap<>();
        for (int i = 21; i <= 35; i++) {
            // completed when bob's vote (20_100 + i) arrived
            expectedExpired.put(String.format("c%02d", i), "no_agreement@" + (20_100 + i));
        }
        expectedExpired.put("e1", "timeout@81000");
        expectedExpired.put("e2", "timeout@82000");
        for (int i = 1; i <= 4; i++) {
            expectedExpired.put("q" + i, "timeout@" + (100_000 + i * 1_000));
        }
        expectedExpired.put("ghost", "orphan_label@65000");
        assertThat(expired).isEqualTo(expectedExpired);

        assertThat(t.out.deadLetters(KAFKA))
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.reason()).isEqualTo("missing_label");
                            assertThat(d.stage()).isEqualTo("labels");
                        });

        AgreementCounts agreement = result.getAccumulatorResult("annotation.agreement");
        assertThat(agreement.cohenKappas()).containsOnlyKeys("ann|bob");
        assertThat(agreement.cohenKappas().get("ann|bob")).isCloseTo(0.4, within(1e-12));
        assertThat(gauge(result, "streamprep.annotation.kappa_cohen"))
                .isCloseTo(0.4, within(1e-12));
        assertThat(result.<Long>getAccumulatorResult("annotation.completed")).isEqualTo(50);
        assertThat(result.<Long>getAccumulatorResult("annotation.requests")).isEqualTo(7);
        assertThat(result.<Long>getAccumulatorResult("annotation.requests_deferred"))
                .isEqualTo(48 + 2);
        assertThat(result.<Long>getAccumulatorResult("annotation.feedback_unmatched")).isEqualTo(1);
    }

    /**
     * Weak labels from keyword, regex and lookup functions, and three annotators on a hand-worked
     * Fleiss example: 6 items, categories animal (a) / plant (p), votes aaa, aap, ppp, app, aaa,
     * ppa. Sum of squared counts 42, so P-bar = (42 - 18) / 36 = 2/3; p_a = 10/18, p_p = 8/18, so
     * P-bar_e = 164/324; kappa = (216 - 164) / (324 - 164) = 0.325. Cohen's kappa of ann and bob
     * (aapaap vs aapppp... see below) = (5/6 - 1/2) / (1/2) = 2/3.
     */
    @Test
    void weakLabelsAndThreeAnnotators(@TempDir Path dir) throws Exception {
        Path lookup = dir.resolve("terms.tsv");
        Files.writeString(lookup, "oak\tplant\nred fox\tanimal\n");
        Topics t = new Topics("three");
        List<String> records =
                new ArrayList<>(
                        List.of(
                                record("w1", 1_000, "a dog chases a cat"),
                                record("w2", 1_100, "a puppy under a tree"),
                                record("w3", 1_200, "the red fox sat by the oak"),
                                record("w4", 1_300, "an oak and a red fox near a tree")));
        String[][] votes = {
            {"animal", "animal", "animal"},
            {"animal", "animal", "plant"},
            {"plant", "plant", "plant"},
            {"animal", "plant", "plant"},
            {"animal", "animal", "animal"},
            {"plant", "plant", "animal"}
        };
        String[] annotators = {"ann", "bob", "cid"};
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < votes.length; i++) {
            String id = "f" + (i + 1);
            records.add(record(id, 2_000 + i, "item without any cue " + i));
            for (int a = 0; a < 3; a++) {
                labels.add(label(id, votes[i][a], annotators[a], 20_000 + i * 10 + a));
            }
        }
        JobExecutionResult result =
                run(
                        t,
                        records,
                        labels,
                        List.of(),
                        List.of(
                                "annotation.votes-required=3",
                                "weak-labels.enabled=true",
                                "weak-labels.keywords=animal=dog|cat|horse;plant=tree|flower",
                                "weak-labels.patterns=animal=\\bpupp(y|ies)\\b",
                                "weak-labels.lookup.path=" + lookup));

        Map<String, String> labelled = new TreeMap<>();
        for (TrainingRecord r : t.out.training(KAFKA)) {
            labelled.put(r.sourceId(), r.label() + "@" + r.labelConfidence());
        }
        double twoThirds = 2.0 / 3;
        assertThat(labelled)
                .isEqualTo(
                        new TreeMap<>(
                                Map.of(
                                        // keywords-0 votes animal, nothing else votes
                                        "w1", "animal@1.0",
                                        // lookup: red fox -> animal, oak -> plant: a tie,
                                        // abstains; nothing else votes
                                        // w3 therefore has no vote and goes to annotation
                                        // w4: keywords-1 (tree) plant; lookup tie abstains
                                        "w4", "plant@1.0",
                                        "f1", "animal@1.0",
                                        "f2", "animal@" + twoThirds,
                                        "f3", "plant@1.0",
                                        "f4", "plant@" + twoThirds,
                                        "f5", "animal@1.0",
                                        "f6", "plant@" + twoThirds)));

        // w2: regex votes animal, keywords-1 votes plant: a tie, so it is requested with its votes;
        // w3: no vote at all. Neither gets human labels: both expire.
        Map<String, AnnotationRequest> requests = new TreeMap<>();
        t.requests().forEach(r -> requests.put(r.id(), r));
        assertThat(requests.keySet())
                .containsExactly("f1", "f2", "f3", "f4", "f5", "f6", "w2", "w3");
        AnnotationRequest w2 = requests.get("w2");
        assertThat(Json.MAPPER.readTree(w2.votes()))
                .isEqualTo(
                        Json.MAPPER.readTree(
                                "{\"keywords-0:animal\":null,\"keywords-1:plant\":\"plant\","
                                        + "\"regex-0:animal\":\"animal\",\"lookup\":null}"));
        assertThat(w2.suggestedLabel()).isNull();
        assertThat(w2.confidence()).isEqualTo(0.5);
        assertThat(t.expired())
                .extracting(ExpiredAnnotation::id, ExpiredAnnotation::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("w2", "timeout"),
                        org.assertj.core.groups.Tuple.tuple("w3", "timeout"));

        AgreementCounts agreement = result.getAccumulatorResult("annotation.agreement");
        assertThat(agreement.fleissKappa(3)).isCloseTo(0.325, within(1e-12));
        // ann: a a p a a p, bob: a a p p a p: agree on 5 of 6; p_e = 4/6*3/6 + 2/6*3/6 = 1/2.
        assertThat(agreement.cohenKappas().get("ann|bob")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(gauge(result, "streamprep.annotation.kappa_fleiss"))
                .isCloseTo(0.325, within(1e-12));
        assertThat(result.<Long>getAccumulatorResult("weak_labels.labelled")).isEqualTo(2);
        assertThat(result.<Long>getAccumulatorResult("weak_labels.to_annotation")).isEqualTo(8);
    }

    private JobExecutionResult run(
            Topics t,
            List<String> records,
            List<String> labels,
            List<String> feedback,
            List<String> extra)
            throws Exception {
        KAFKA.produce(t.input, utf8(records));
        KAFKA.produce(t.labels, utf8(labels));
        KAFKA.produce(t.feedback, utf8(feedback));
        List<String> settings = new ArrayList<>(t.out.sinkSettings());
        settings.addAll(
                List.of(
                        "source.type=KAFKA",
                        "source.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "source.kafka.topic=" + t.input,
                        "source.kafka.stop=latest",
                        "sink.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "sink.kafka.delivery-guarantee=EXACTLY_ONCE",
                        "sink.kafka.transactional-id-prefix=" + t.input,
                        "annotation.enabled=true",
                        "annotation.kafka.topic.labels=" + t.labels,
                        "annotation.kafka.topic.feedback=" + t.feedback,
                        "annotation.kafka.stop=latest",
                        "annotation.kafka.topic.requests=" + t.requests,
                        "annotation.kafka.topic.expired=" + t.expired,
                        "annotation.window=10 s",
                        "annotation.timeout=60 s",
                        "pipeline.parallelism=" + PARALLELISM,
                        "flink.execution.runtime-mode=STREAMING",
                        "flink.execution.checkpointing.interval=1 s"));
        settings.addAll(extra);
        return PipelineRuns.run(settings);
    }

    private static double gauge(JobExecutionResult result, String name) {
        return METRICS.findMetrics(result.getJobID(), name).entrySet().stream()
                .filter(e -> e.getKey().endsWith(name))
                .mapToDouble(e -> ((Number) ((Gauge<?>) e.getValue()).getValue()).doubleValue())
                .filter(Double::isFinite)
                .reduce(
                        (a, b) -> {
                            throw new AssertionError("two subtasks report " + name);
                        })
                .orElseThrow();
    }

    private static List<String> ranked(List<AnnotationRequest> requests) {
        assertThat(requests).isNotNull();
        return requests.stream()
                .sorted((a, b) -> Integer.compare(a.rank(), b.rank()))
                .map(r -> r.id() + ":" + r.rank() + ":" + r.round())
                .toList();
    }

    private static String record(String id, long ts, String text) {
        return "{\"id\":\"" + id + "\",\"ts\":" + ts + ",\"text\":\"" + text + "\"}";
    }

    private static String label(String id, String label, String annotator, long ts) {
        return "{\"id\":\""
                + id
                + "\",\"label\":\""
                + label
                + "\",\"annotator\":\""
                + annotator
                + "\",\"ts\":"
                + ts
                + "}";
    }

    private static String feedback(String id, long ts, double... p) {
        return "{\"id\":\""
                + id
                + "\",\"probabilities\":["
                + p[0]
                + ","
                + p[1]
                + "],\"ts\":"
                + ts
                + "}";
    }

    private static List<byte[]> utf8(List<String> values) {
        return values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Fresh topics of one run. */
    private static final class Topics {
        final String input;
        final String labels;
        final String feedback;
        final String requests;
        final String expired;
        final OutputTopics out;

        Topics(String base) {
            input = KAFKA.newTopic(base + "-input", 2);
            labels = KAFKA.newTopic(base + "-labels", 2);
            feedback = KAFKA.newTopic(base + "-feedback", 1);
            requests = KAFKA.newTopic(base + "-requests", 2);
            expired = KAFKA.newTopic(base + "-expired", 2);
            out = OutputTopics.create(KAFKA, base + "-out", 2);
        }

        List<AnnotationRequest> requests() {
            return read(requests, AnnotationRequest.class);
        }

        List<ExpiredAnnotation> expired() {
            return read(expired, ExpiredAnnotation.class);
        }

        private static <T> List<T> read(String topic, Class<T> type) {
            List<T> out = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    KAFKA.consumeAll(topic, 0, Duration.ofSeconds(10))) {
                out.add(Json.fromBytes(r.value(), type));
            }
            return out;
        }
    }
}

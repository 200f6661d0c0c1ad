package io.streamprep.jobs.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * File mode of the annotation loop (labels and feedback from JSONL files, requests and expired
 * records to folders) with Dawid-Skene weak labels, run as bounded BATCH jobs at parallelism 1 and
 * 2: the outputs are as expected and identical.
 */
class AnnotationFileModeITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void labelsAndFeedbackFromFilesGiveTheSameOutputAtEveryParallelism(@TempDir Path dir)
            throws Exception {
        Path input = dir.resolve("in.jsonl");
        Files.write(
                input,
                List.of(
                        "{\"id\":\"r1\",\"ts\":1000,\"text\":\"first text\"}",
                        "{\"id\":\"r2\",\"ts\":2000,\"text\":\"second text\"}",
                        "{\"id\":\"r3\",\"ts\":3000,\"text\":\"third text\"}",
                        "{\"id\":\"r4\",\"ts\":4000,\"text\":\"fourth text\"}",
                        "{\"id\":\"r5\",\"ts\":5000,\"text\":\"fifth text\",\"label\":\"b\"}",
                        "{\"id\":\"r6\",\"ts\":6000,\"text\":\"a dog barks\"}",
                        "{\"id\":\"r7\",\"ts\":7000,\"text\":\"a tall tree\"}"));
        Path labels = dir.resolve("labels.jsonl");
        Files.write(
                labels,
                List.of(
                        "{\"id\":\"r1\",\"label\":\"a\",\"annotator\":\"x\",\"ts\":20000}",
                        "{\"id\":\"r1\",\"label\":\"a\",\"annotator\":\"y\",\"ts\":20001}",
                        "{\"id\":\"r2\",\"label\":\"a\",\"annotator\":\"x\",\"ts\":20002}",
                        "{\"id\":\"r2\",\"label\":\"b\",\"annotator\":\"y\",\"ts\":20003}",
                        "not json"));
        Path feedback = dir.resolve("feedback.jsonl");
        Files.write(feedback, List.of("{\"id\":\"r4\",\"probabilities\":[0.9,0.1],\"ts\":4500}"));

        Map<String, List<String>> p1 = run(dir.resolve("out1"), input, labels, feedback, 1);
        Map<String, List<String>> p2 = run(dir.resolve("out2"), input, labels, feedback, 2);
        assertThat(p2).isEqualTo(p1);

        // r6 and r7 got one keyword vote each. With a single vote per function, Dawid-Skene has
        // no evidence of a function's accuracy: EM drifts towards the prior, the posterior stays
        // below weak-labels.min-confidence (0.7), and both are requested, with an entropy just
        // under 1. They rank after the vote-less r1..r3 (entropy 1) and before r4, whose model
        // feedback (0.9, 0.1) gives entropy 0.47.
        assertThat(p1.get("annotation-requests"))
                .extracting(line -> Json.fromString(line, AnnotationRequest.class))
                .extracting(r -> r.id() + ":" + r.rank() + ":" + r.scoredBy())
                .containsExactlyInAnyOrder(
                        "r1:1:votes",
                        "r2:2:votes",
                        "r3:3:votes",
                        "r6:4:votes",
                        "r7:5:votes",
                        "r4:6:model");
        assertThat(p1.get("annotation-expired"))
                .extracting(line -> Json.fromString(line, ExpiredAnnotation.class))
                .extracting(e -> e.id() + ":" + e.reason())
                .containsExactlyInAnyOrder(
                        "r2:no_agreement", "r3:timeout", "r4:timeout", "r6:timeout", "r7:timeout");
        List<String> training = new ArrayList<>(p1.get("train"));
        training.addAll(p1.get("validation"));
        training.addAll(p1.get("test"));
        assertThat(training)
                .extracting(line -> Json.fromString(line, TrainingRecord.class))
                .extracting(r -> r.sourceId() + ":" + r.label() + ":" + r.labelConfidence())
                .containsExactlyInAnyOrder("r1:a:1.0", "r5:b:null");
        assertThat(p1.get("dlq")).singleElement().asString().contains("\"stage\":\"labels\"");
    }

    private static Map<String, List<String>> run(
            Path out, Path input, Path labels, Path feedback, int parallelism) throws Exception {
        PipelineRuns.run(
                List.of(
                        "source.file.path=" + input,
                        "sink.file.path=" + out,
                        "annotation.enabled=true",
                        "annotation.file.labels=" + labels,
                        "annotation.file.feedback=" + feedback,
                        "annotation.votes-required=2",
                        "annotation.window=10 s",
                        "annotation.timeout=1 min",
                        "weak-labels.enabled=true",
                        "weak-labels.model=DAWID_SKENE",
                        "weak-labels.window=10 s",
                        "weak-labels.keywords=animal=dog;plant=tree",
                        "pipeline.parallelism=" + parallelism));
        Map<String, List<String>> byFolder = new TreeMap<>();
        for (String folder :
                List.of(
                        "train",
                        "validation",
                        "test",
                        "dlq",
                        "duplicates",
                        "annotation-requests",
                        "annotation-expired")) {
            byFolder.put(folder, lines(out.resolve(folder)));
        }
        return byFolder;
    }

    private static List<String> lines(Path folder) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return lines;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f :
                    files.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(null);
        return lines;
    }
}

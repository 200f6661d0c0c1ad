package io.streamprep.jobs.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.testing.KafkaExtension;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.OutputTopics;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.operators.image.ImageDecoder;
import io.streamprep.operators.image.ImageHeader;
import io.streamprep.operators.image.ImageNormalizer;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.ImageTrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image pipeline end to end on a MiniCluster (parallelism 2) with a real Kafka broker and
 * EXACTLY_ONCE sinks, on real Tango icons plus a bad-image corpus: every bad record is in the
 * dead-letter topic with its reason and original bytes, every copy in the duplicates topic, and
 * every good image in the training topics, decoded, normalized and split as specified.
 */
class ImagePipelineKafkaITCase {

    private static final int PARALLELISM = 2;
    private static final int SIZE = 64;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir Path files;

    @AfterEach
    void noLeakedProducers() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    void realIconsAndBadImagesLandWhereTheyMust() throws Exception {
        ImageCorpus corpus = ImageCorpus.build(8, files, SIZE);
        String input = KAFKA.newTopic("images", 3);
        KAFKA.produce(input, corpus.lines);
        OutputTopics out = OutputTopics.create(KAFKA, "image-out", 2);
        List<String> settings = new ArrayList<>(out.sinkSettings());
        settings.addAll(
                List.of(
                        "pipeline.kind=IMAGE",
                        "source.type=KAFKA",
                        "source.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "source.kafka.topic=" + input,
                        "source.kafka.stop=latest",
                        "sink.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "sink.kafka.delivery-guarantee=EXACTLY_ONCE",
                        "sink.kafka.transactional-id-prefix=" + input,
                        "labels.list=" + String.join(";", ImageCorpus.LABELS),
                        "image.file-roots=" + files,
                        "image.size=" + SIZE,
                        "image.augment.variants=1",
                        "image.dedup.near.enabled=true",
                        "image.augment.hflip.p=1.0",
                        "pipeline.parallelism=" + PARALLELISM,
                        "flink.execution.runtime-mode=STREAMING",
                        "flink.execution.checkpointing.interval=1 s"));
        JobExecutionResult result = PipelineRuns.run(settings);
        assertThat(result.getAccumulatorResult("in.records").toString())
                .isEqualTo(Integer.toString(corpus.lines.size()));

        // Every bad record once, with its reason and exactly its original bytes.
        List<DeadLetterRecord> deadLetters = out.deadLetters(KAFKA);
        Map<String, String> reasons = new HashMap<>();
        Map<String, byte[]> lineById = linesById(corpus);
        for (DeadLetterRecord d : deadLetters) {
            if (d.id() == null) {
                assertThat(d.reason()).isEqualTo("not_json");
                continue;
            }
            assertThat(reasons.put(d.id(), d.reason())).as(d.id()).isNull();
            assertThat(d.original()).isEqualTo(lineById.get(d.id()));
        }
        assertThat(reasons).isEqualTo(corpus.bad);
        assertThat(deadLetters).hasSize(corpus.bad.size() + 1);

        // Every copy reported against its original: byte copies as exact, resized and JPEG
        // re-encoded ones as near duplicates with similarity 1 - d/64 for d <= 8 (the default
        // image.dedup.near.max-distance), confirmed by their thumbnails.
        List<DuplicateRecord> duplicates = out.duplicateRecords(KAFKA);
        assertThat(
                        duplicates.stream()
                                .filter(d -> d.kind().equals(DuplicateRecord.EXACT))
                                .collect(
                                        Collectors.toMap(
                                                DuplicateRecord::id, DuplicateRecord::duplicateOf)))
                .isEqualTo(corpus.duplicates);
        List<DuplicateRecord> near =
                duplicates.stream().filter(d -> d.kind().equals(DuplicateRecord.NEAR)).toList();
        assertThat(
                        near.stream()
                                .collect(
                                        Collectors.toMap(
                                                DuplicateRecord::id, d -> d.duplicateOf())))
                .isEqualTo(corpus.nearDuplicates);
        assertThat(near).allSatisfy(d -> assertThat(d.similarity()).isBetween(1 - 8 / 64.0, 1.0));
        assertThat(duplicates).hasSize(corpus.duplicates.size() + corpus.nearDuplicates.size());

        // No good image lost: each as variant 0 and 1, in its split, with the right pixels.
        List<ImageTrainingRecord> training = new ArrayList<>();
        for (String topic : List.of(out.train(), out.validation(), out.test())) {
            for (ConsumerRecord<byte[], byte[]> r :
                    KAFKA.consumeAll(topic, 0, Duration.ofSeconds(10))) {
                assertThat(r.value().length).isLessThan(1 << 20);
                training.add(Json.fromBytes(r.value(), ImageTrainingRecord.class));
            }
        }
        assertThat(training).extracting(ImageTrainingRecord::id).doesNotHaveDuplicates();
        assertThat(training).hasSize(2 * corpus.good.size());
        assertThat(training.stream().map(ImageTrainingRecord::sourceId).collect(Collectors.toSet()))
                .isEqualTo(corpus.good.keySet());
        SplitAssigner splits = new SplitAssigner(42, 0.8, 0.1, 0.1);
        ImageDecoder decoder = new ImageDecoder(0xFFFFFF);
        ImageNormalizer normalizer = new ImageNormalizer(SIZE);
        for (ImageTrainingRecord r : training) {
            assertThat(r.split()).isEqualTo(splits.splitOf(r.sourceId()));
            assertThat(r.shape()).containsExactly(SIZE, SIZE, 3);
            assertThat(r.pixels()).hasSize(SIZE * SIZE * 3);
            assertThat(r.label()).isEqualTo(corpus.good.get(r.sourceId()));
            assertThat(r.labelId()).isEqualTo(ImageCorpus.LABELS.indexOf(r.label()));
            assertThat(r.inputIds()).startsWith(101).endsWith(102);
            byte[] png = ImageCorpus.read(corpus.files.get(r.sourceId()));
            RgbImage expected =
                    normalizer.normalize(decoder.decode(png, ImageHeader.probe(png, 1 << 20)));
            if (r.variant() == 0) {
                assertThat(r.augmentations()).isNull();
                assertThat(r.pixels()).isEqualTo(expected.rgb());
            } else {
                assertThat(r.augmentations()).contains("\"op\":\"hflip\"");
                assertThat(r.pixels()).isNotEqualTo(expected.rgb());
            }
        }
        assertThat(Set.copyOf(training.stream().map(ImageTrainingRecord::variant).toList()))
                .containsExactlyInAnyOrder(0, 1);
    }

    private static Map<String, byte[]> linesById(ImageCorpus corpus) {
        Map<String, byte[]> byId = new HashMap<>();
        for (byte[] line : corpus.lines) {
            try {
                byId.put(Json.MAPPER.readTree(line).get("id").asText(), line);
            } catch (Exception e) {
                // the one line that is not JSON has no id
            }
        }
        return byId;
    }
}

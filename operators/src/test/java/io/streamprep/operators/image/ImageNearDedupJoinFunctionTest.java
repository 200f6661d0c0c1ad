package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.dedup.near.NearDedupIndexOperator;
import io.streamprep.operators.dedup.near.NearDedupKeys;
import io.streamprep.operators.dedup.near.NearProbe;
import io.streamprep.operators.dedup.near.NearVerdict;
import io.streamprep.schemas.config.NearDedupOptions;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.ImageEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The image near-dedup join on real Tango icons: the verdicts come from the real index with a
 * {@link HammingModel} over the icons' pHash + thumbnail probes, so a resized, JPEG re-encoded copy
 * is dropped against its original and an unrelated icon or a sibling drawing is kept; state is
 * cleared and survives a restore.
 */
class ImageNearDedupJoinFunctionTest {

    private static final int SIZE = 64;
    private static final HammingModel CONFIRMED = new HammingModel(8, 20);

    private KeyedTwoInputStreamOperatorTestHarness<String, ImageEvent, NearVerdict, ImageEvent>
            harness;

    @AfterEach
    void tearDown() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aResizedReencodedCopyIsDroppedAgainstItsOriginalAndOthersAreKept() throws Exception {
        List<Path> icons = TestImages.tango32(2);
        ImageEvent original = event("a", 10, TestImages.bytes(icons.get(0)));
        ImageEvent copy = event("a-copy", 20, resizedJpeg(TestImages.bytes(icons.get(0))));
        ImageEvent other = event("b", 30, TestImages.bytes(icons.get(1)));
        List<NearVerdict> verdicts = verdicts(List.of(original, copy, other));

        open(false);
        for (ImageEvent e : List.of(original, copy, other)) {
            harness.processElement1(e, e.eventTime());
        }
        assertThat(harness.numKeyedStateEntries()).isEqualTo(3);
        for (NearVerdict v : verdicts) {
            harness.processElement2(v, 0);
        }

        assertThat(harness.extractOutputValues()).containsExactly(original, other);
        List<DuplicateRecord> duplicates = duplicates();
        assertThat(duplicates).hasSize(1);
        DuplicateRecord d = duplicates.get(0);
        assertThat(d.id()).isEqualTo("a-copy");
        assertThat(d.duplicateOf()).isEqualTo("a");
        assertThat(d.kind()).isEqualTo(DuplicateRecord.NEAR);
        assertThat(d.similarity()).isGreaterThanOrEqualTo(1 - 8 / 64.0).isLessThanOrEqualTo(1.0);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void siblingDrawingsAreCandidatesButTheThumbnailKeepsBoth() throws Exception {
        Path emotes = TestImages.TANGO.resolve("32x32/emotes");
        ImageEvent smile = event("smile", 10, TestImages.bytes(emotes.resolve("face-smile.png")));
        ImageEvent sad = event("sad", 20, TestImages.bytes(emotes.resolve("face-sad.png")));
        // The pHash alone calls the sad face a near duplicate of the smiling one ...
        assertThat(verdicts(List.of(smile, sad), new HammingModel(8)).get(1).duplicateOf())
                .isEqualTo("smile");
        // ... the thumbnails differ around the mouth, so the confirmed model keeps both.
        assertThat(verdicts(List.of(smile, sad), CONFIRMED))
                .allSatisfy(v -> assertThat(v.duplicateOf()).isNull());
    }

    @Test
    void groupModeKeepsTheCopyInItsOriginalsSplit() throws Exception {
        byte[] png = TestImages.bytes(TestImages.tango32(1).get(0));
        ImageEvent original = event("a", 10, png);
        ImageEvent copy = event("a-copy", 20, resizedJpeg(png));
        open(true);
        harness.processElement1(copy, 20);
        harness.processElement1(original, 10);
        for (NearVerdict v : verdicts(List.of(original, copy))) {
            harness.processElement2(v, 0);
        }
        assertThat(harness.extractOutputValues()).containsExactly(original, copy.withSplitKey("a"));
        assertThat(duplicates()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void waitingImagesSurviveSnapshotAndRestore() throws Exception {
        ImageEvent a = event("a", 10, TestImages.bytes(TestImages.tango32(1).get(0)));
        open(false);
        harness.processElement1(a, 10);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness(false);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processElement2(verdicts(List.of(a)).get(0), 10);

        assertThat(harness.extractOutputValues()).containsExactly(a);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /** The real index's verdicts for these images, in event-time order. */
    private static List<NearVerdict> verdicts(List<ImageEvent> events) throws Exception {
        return verdicts(events, CONFIRMED);
    }

    private static List<NearVerdict> verdicts(List<ImageEvent> events, HammingModel model)
            throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Long, NearProbe, NearVerdict> index =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new NearDedupIndexOperator(
                                model, Duration.ofHours(1), NearDedupOptions.Mode.DROP, null),
                        NearDedupKeys.index(),
                        Types.LONG)) {
            index.open();
            ImageSignatureFunction signatures = new ImageSignatureFunction(model);
            for (ImageEvent e : events) {
                index.processElement(signatures.map(e), e.eventTime());
            }
            index.processWatermark(Long.MAX_VALUE);
            return index.extractOutputValues();
        }
    }

    private void open(boolean group) throws Exception {
        harness = newHarness(group);
        harness.open();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, ImageEvent, NearVerdict, ImageEvent>
            newHarness(boolean group) throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(
                        new ImageNearDedupJoinFunction(group, Duration.ofDays(7))),
                ImageSignatureFunction::key,
                NearVerdict::key,
                Types.STRING);
    }

    private List<DuplicateRecord> duplicates() {
        var side = harness.getSideOutput(OutputTags.DUPLICATES);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    /** A 48 x 48 JPEG (quality default) of the icon: resized and lossy re-encoded. */
    private static byte[] resizedJpeg(byte[] png) throws Exception {
        RgbImage decoded = new ImageDecoder(0xFFFFFF).decode(png, ImageHeader.probe(png, 1 << 20));
        return TestImages.encode(Resampler.resize(decoded, 48, 48), "jpeg");
    }

    private static ImageEvent event(String id, long ts, byte[] encoded) throws Exception {
        ImageHeader header = ImageHeader.probe(encoded, 1 << 20);
        RgbImage normalized =
                new ImageNormalizer(SIZE)
                        .normalize(new ImageDecoder(0xFFFFFF).decode(encoded, header));
        return new ImageEvent(
                        id,
                        ts,
                        "test:" + id,
                        id.getBytes(StandardCharsets.UTF_8),
                        "places",
                        null,
                        header.format(),
                        encoded,
                        header.width(),
                        header.height(),
                        null,
                        null,
                        null,
                        0,
                        null)
                .withPixels(
                        normalized.width(),
                        normalized.height(),
                        normalized.rgb(),
                        PixelCodec.fingerprint(normalized));
    }
}

package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.ImageEvent;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Exact image dedup on decoded pixels: order, snapshot/restore and state cleanup. */
class ImageDedupFunctionTest {

    private static final long WINDOW = 1_000;

    @Test
    void samePixelsFromDifferentEncodingsAreDuplicatesAcrossARestore() throws Exception {
        Path icon = TestImages.tango32(1).get(0);
        byte[] png = TestImages.bytes(icon);
        RgbImage pixels = new ImageDecoder(0xFFFFFF).decode(png, ImageHeader.probe(png, 1 << 20));
        byte[] bmp = TestImages.encode(pixels, "bmp");
        ImageEvent fromPng = normalized("b", 200, png);
        ImageEvent fromBmp = normalized("a", 200, bmp);
        assertThat(fromBmp.fingerprint()).isEqualTo(fromPng.fingerprint());

        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            harness.open();
            harness.processElement(fromPng, 200);
            snapshot = harness.snapshot(1, 1);
        }
        try (var harness = harness()) {
            harness.initializeState(snapshot);
            harness.open();
            harness.processElement(fromBmp, 200);
            harness.processElement(normalized("c", 300, png), 300);
            harness.processWatermark(500);
            assertThat(harness.extractOutputValues())
                    .extracting(ImageEvent::id)
                    .containsExactly("a");
            assertThat(harness.getSideOutput(OutputTags.DUPLICATES))
                    .extracting(StreamRecord::getValue)
                    .containsExactlyInAnyOrder(
                            new DuplicateRecord("b", "a", "exact", 1.0),
                            new DuplicateRecord("c", "a", "exact", 1.0));
            harness.processWatermark(10 * WINDOW);
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ImageEvent, ImageEvent> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new ImageDedupFunction(Duration.ofMillis(WINDOW), Duration.ofDays(7))),
                ImageEvent::fingerprint,
                Types.STRING);
    }

    private static ImageEvent normalized(String id, long ts, byte[] encoded) throws Exception {
        ImageHeader header = ImageHeader.probe(encoded, 1 << 20);
        RgbImage image =
                new ImageNormalizer(16)
                        .normalize(new ImageDecoder(0xFFFFFF).decode(encoded, header));
        return new ImageEvent(
                        id,
                        ts,
                        "test:" + id,
                        new byte[] {1},
                        null,
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
                .withPixels(16, 16, image.rgb(), PixelCodec.fingerprint(image));
    }
}

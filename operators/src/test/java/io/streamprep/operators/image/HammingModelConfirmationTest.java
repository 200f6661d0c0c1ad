package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.operators.dedup.near.NearDedupIndexOperator;
import io.streamprep.operators.dedup.near.NearDedupKeys;
import io.streamprep.operators.dedup.near.NearProbe;
import io.streamprep.operators.dedup.near.NearVerdict;
import io.streamprep.schemas.config.ImageOptions;
import io.streamprep.schemas.config.NearDedupOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The thumbnail confirmation of {@link HammingModel} on real Tango icons: signature layout,
 * brightness invariance, sibling rejection, old 8-byte signatures, option checks, and the index
 * keeping thumbnails across a snapshot and clearing them after the window.
 */
class HammingModelConfirmationTest {

    private static final Path EMOTES = TestImages.TANGO.resolve("32x32/emotes");
    private static final HammingModel MODEL = new HammingModel(8, 20);

    @Test
    void signaturesAreThePhashFollowedByTheThumbnail() throws Exception {
        RgbImage smile = icon("face-smile.png");
        byte[] signature = MODEL.signature(smile);
        assertThat(signature).hasSize(8 + LumaThumbnail.BYTES);
        assertThat(Arrays.copyOf(signature, 8))
                .isEqualTo(PerceptualHash.toBytes(PerceptualHash.phash(smile)));
        assertThat(Arrays.copyOfRange(signature, 8, signature.length))
                .isEqualTo(LumaThumbnail.of(smile));
        assertThat(new HammingModel(8).signature(smile)).hasSize(8);
        // Pure: the same pixels give the same bytes.
        assertThat(MODEL.signature(icon("face-smile.png"))).isEqualTo(signature);
    }

    @Test
    void aUniformBrightnessShiftCancelsOutAndASiblingDrawingDoesNot() throws Exception {
        // Levels squeezed into [20, 224] first, so that +25 shifts every pixel without clipping.
        byte[] base = icon("face-smile.png").rgb().clone();
        byte[] shifted = new byte[base.length];
        for (int i = 0; i < base.length; i++) {
            base[i] = (byte) (20 + (base[i] & 0xFF) * 4 / 5);
            shifted[i] = (byte) ((base[i] & 0xFF) + 25);
        }
        byte[] a = LumaThumbnail.of(new RgbImage(32, 32, base));
        assertThat(LumaThumbnail.difference(a, a)).isZero();
        assertThat(LumaThumbnail.difference(a, LumaThumbnail.of(new RgbImage(32, 32, shifted))))
                .isLessThan(1.0);
        a = LumaThumbnail.of(icon("face-smile.png"));
        assertThat(LumaThumbnail.difference(a, LumaThumbnail.of(icon("face-sad.png"))))
                .isGreaterThan(20);
    }

    @Test
    void siblingsAreRejectedButOldHashOnlySignaturesAreJudgedByTheHash() throws Exception {
        byte[] smile = MODEL.signature(icon("face-smile.png"));
        byte[] sad = MODEL.signature(icon("face-sad.png"));
        double similarity = MODEL.similarity(smile, sad);
        assertThat(MODEL.isDuplicate(similarity)).isTrue(); // a candidate by the hash
        assertThat(MODEL.isDuplicate(smile, sad, similarity)).isFalse();
        assertThat(MODEL.isDuplicate(smile, smile, 1.0)).isTrue();
        // A member stored before confirmation was configured carries the hash only.
        assertThat(MODEL.isDuplicate(Arrays.copyOf(smile, 8), sad, similarity)).isTrue();
        assertThat(new HammingModel(8).isDuplicate(smile, sad, similarity)).isTrue();
        assertThat(MODEL.bandKeys(smile)).containsExactly(MODEL.bandKeys(Arrays.copyOf(smile, 8)));
    }

    @Test
    void outOfRangeThumbnailDifferencesAreRejectedNamingTheOption() {
        assertThatThrownBy(() -> new HammingModel(8, 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HammingModel(8, -2))
                .isInstanceOf(IllegalArgumentException.class);
        Configuration config = new Configuration();
        config.set(ImageOptions.NEAR_DEDUP_MAX_THUMBNAIL_DIFFERENCE, 300);
        assertThatThrownBy(() -> ImageNearDedupSettings.fromConfig(config))
                .hasMessageContaining("image.dedup.near.max-thumbnail-difference");
        config.set(ImageOptions.NEAR_DEDUP_MAX_THUMBNAIL_DIFFERENCE, -1);
        assertThat(ImageNearDedupSettings.fromConfig(config).model().confirms()).isFalse();
        assertThat(ImageNearDedupSettings.fromConfig(new Configuration()).model().confirms())
                .isTrue();
    }

    @Test
    void theIndexKeepsThumbnailsAcrossRestoreAndClearsThemAfterTheWindow() throws Exception {
        RgbImage smile = icon("face-smile.png");
        byte[] copy = MODEL.signature(Resampler.resize(smile, 48, 48));
        KeyedOneInputStreamOperatorTestHarness<Long, NearProbe, NearVerdict> harness = index();
        harness.open();
        harness.processElement(probe("smile", 10, MODEL.signature(smile)), 10);
        harness.processWatermark(10);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = index();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(probe("sad", 20, MODEL.signature(icon("face-sad.png"))), 20);
        harness.processElement(probe("copy", 30, copy), 30);
        harness.processWatermark(30);
        assertThat(harness.extractOutputValues())
                .extracting(NearVerdict::id, NearVerdict::duplicateOf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sad", null),
                        org.assertj.core.groups.Tuple.tuple("copy", "smile"));
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(30 + 1_000 + 1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<Long, NearProbe, NearVerdict> index()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new NearDedupIndexOperator(
                        MODEL, Duration.ofSeconds(1), NearDedupOptions.Mode.DROP, null),
                NearDedupKeys.index(),
                Types.LONG);
    }

    private static NearProbe probe(String id, long time, byte[] signature) {
        return new NearProbe(id, id, time, signature);
    }

    private static RgbImage icon(String name) throws Exception {
        byte[] png = TestImages.bytes(EMOTES.resolve(name));
        return new ImageDecoder(0xFFFFFF).decode(png, ImageHeader.probe(png, 1 << 20));
    }
}

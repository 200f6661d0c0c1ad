package io.streamprep.operators.image.augment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.operators.image.Geometry;
import io.streamprep.operators.image.ImageDecoder;
import io.streamprep.operators.image.ImageHeader;
import io.streamprep.operators.image.ImageNormalizer;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.schemas.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageAugmenterTest {

    private static RgbImage icon;

    @BeforeAll
    static void loadRealImage() throws Exception {
        byte[] png =
                Files.readAllBytes(
                        Path.of("/usr/share/icons/Tango/32x32/emotes/face-smile-big.png"));
        RgbImage decoded = new ImageDecoder(0xFFFFFF).decode(png, ImageHeader.probe(png, 1 << 20));
        icon = new ImageNormalizer(64).normalize(decoded);
    }

    @Test
    void flippingTwiceIsTheIdentity() {
        assertThat(Geometry.flipHorizontal(icon)).isNotEqualTo(icon);
        assertThat(Geometry.flipHorizontal(Geometry.flipHorizontal(icon))).isEqualTo(icon);
        assertThat(Geometry.flipVertical(Geometry.flipVertical(icon))).isEqualTo(icon);
    }

    @Test
    void rotationKeepsTheSizeAndQuarterTurnsAreExact() {
        RgbImage wide = RgbImage.filled(40, 24, 0x808080);
        for (double degrees : new double[] {-30, -7.5, 3, 15, 45, 170}) {
            RgbImage rotated = PixelOps.rotate(wide, degrees, 0xFFFFFF);
            assertThat(rotated.width()).isEqualTo(40);
            assertThat(rotated.height()).isEqualTo(24);
        }
        assertThat(PixelOps.rotate(icon, 0, 0)).isEqualTo(icon);
        assertThat(PixelOps.rotate(icon, 90, 0)).isEqualTo(Geometry.upright(icon, 8));
        assertThat(PixelOps.rotate(icon, 180, 0))
                .isEqualTo(Geometry.flipVertical(Geometry.flipHorizontal(icon)));
    }

    @Test
    void neutralParametersChangeNothing() {
        assertThat(PixelOps.colourJitter(icon, 1, 1, 1, 0)).isEqualTo(icon);
        assertThat(PixelOps.scale(icon, 1.0, 0)).isEqualTo(icon);
        assertThat(PixelOps.resizedCrop(icon, 0, 0, icon.width(), icon.height())).isEqualTo(icon);
        assertThat(PixelOps.gaussianNoise(icon, 0, new SplittableRandom(1))).isEqualTo(icon);
        RgbImage grey = RgbImage.filled(20, 20, 0x646464);
        assertThat(PixelOps.gaussianBlur(grey, 2.0)).isEqualTo(grey);
    }

    @Test
    void colourOperatorsMoveColoursTheRightWay() {
        RgbImage brighter = PixelOps.colourJitter(icon, 1.2, 1, 1, 0);
        assertThat(mean(brighter)).isGreaterThan(mean(icon));
        RgbImage grey = PixelOps.colourJitter(icon, 1, 1, 0, 0);
        for (int i = 0; i < grey.rgb().length; i += 3) {
            assertThat(Math.abs(grey.rgb()[i] - grey.rgb()[i + 1])).isLessThanOrEqualTo(1);
        }
        RgbImage noisy = PixelOps.gaussianNoise(icon, 10, new SplittableRandom(3));
        assertThat(noisy).isNotEqualTo(icon);
        assertThat(Math.abs(mean(noisy) - mean(icon))).isLessThan(2.0);
        assertThat(variation(PixelOps.gaussianBlur(icon, 1.5))).isLessThan(variation(icon));
    }

    @Test
    void variantsAreSeededBySeedIdAndVariant() {
        ImageAugmentPolicy everything = policy(1.0);
        RgbImage a = new ImageAugmenter(everything, 42, 0xFFFFFF).variant(icon, "id-1", 1).image();
        RgbImage same =
                new ImageAugmenter(everything, 42, 0xFFFFFF).variant(icon, "id-1", 1).image();
        RgbImage otherSeed =
                new ImageAugmenter(everything, 43, 0xFFFFFF).variant(icon, "id-1", 1).image();
        RgbImage otherVariant =
                new ImageAugmenter(everything, 42, 0xFFFFFF).variant(icon, "id-1", 2).image();
        RgbImage otherId =
                new ImageAugmenter(everything, 42, 0xFFFFFF).variant(icon, "id-2", 1).image();
        assertThat(same).isEqualTo(a);
        assertThat(otherSeed).isNotEqualTo(a);
        assertThat(otherVariant).isNotEqualTo(a);
        assertThat(otherId).isNotEqualTo(a);
        assertThat(a.width()).isEqualTo(icon.width());
    }

    @Test
    void provenanceListsEveryAppliedOperationWithItsParameters() throws Exception {
        ImageAugmenter.Variant v =
                new ImageAugmenter(policy(1.0), 7, 0xFFFFFF).variant(icon, "x", 1);
        JsonNode ops = Json.MAPPER.readTree(v.operations());
        assertThat(ops).hasSize(8);
        assertThat(ops.findValuesAsText("op"))
                .containsExactly(
                        "hflip", "vflip", "rotate", "crop", "scale", "jitter", "noise", "blur");
        assertThat(ops.get(2).get("degrees").asDouble()).isBetween(-15.0, 15.0);
        ImageAugmenter.Variant none =
                new ImageAugmenter(policy(0.0), 7, 0xFFFFFF).variant(icon, "x", 1);
        assertThat(none.operations()).isEqualTo("[]");
        assertThat(none.image()).isEqualTo(icon);
    }

    private static ImageAugmentPolicy policy(double p) {
        return new ImageAugmentPolicy(
                1, Map.of(), 16, p, p, p, 15, p, 0.5, p, 0.2, p, 0.2, 0.2, 0.2, 0.05, p, 10, p,
                1.5);
    }

    private static double mean(RgbImage image) {
        long sum = 0;
        for (byte b : image.rgb()) {
            sum += b & 0xFF;
        }
        return (double) sum / image.rgb().length;
    }

    /** Sum of absolute differences between horizontal neighbours: high for sharp images. */
    private static long variation(RgbImage image) {
        long sum = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 1; x < image.width(); x++) {
                sum += Math.abs(image.at(x, y, 0) - image.at(x - 1, y, 0));
            }
        }
        return sum;
    }
}

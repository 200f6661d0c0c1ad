package io.streamprep.operators.image.augment;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.image.ImageDecoder;
import io.streamprep.operators.image.ImageHeader;
import io.streamprep.operators.image.ImageNormalizer;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.schemas.records.ImageEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageAugmentFunctionTest {

    private static final long SEED = 7;

    private static ImageEvent icon;

    @BeforeAll
    static void loadRealImage() throws Exception {
        byte[] png =
                Files.readAllBytes(
                        Path.of("/usr/share/icons/Tango/32x32/emblems/emblem-photos.png"));
        RgbImage image =
                new ImageNormalizer(32)
                        .normalize(
                                new ImageDecoder(0xFFFFFF)
                                        .decode(png, ImageHeader.probe(png, 1 << 20)));
        icon =
                new ImageEvent(
                        "emblems/emblem-photos.png",
                        1000,
                        "test:0",
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "emblems",
                        null,
                        "png",
                        null,
                        image.width(),
                        image.height(),
                        image.rgb(),
                        "fp",
                        "cluster-3",
                        0,
                        null);
    }

    @Test
    void makesTheClassCountPlusTheExtraVariantsSeededByIdAndVariant() throws Exception {
        ImageAugmentPolicy policy =
                ImageAugmentPolicy.fromConfig(
                        Configuration.fromMap(
                                Map.of(
                                        "image.augment.variants-per-class", "emblems:1",
                                        "image.augment.hflip.p", "1.0")));

        List<ImageEvent> out = run(policy, icon.withExtraVariants(2));

        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isEqualTo(icon.withExtraVariants(2));
        assertThat(out.subList(1, 4)).extracting(ImageEvent::variant).containsExactly(1, 2, 3);
        assertThat(out.subList(1, 4))
                .allSatisfy(
                        v -> {
                            assertThat(v.id()).isEqualTo(icon.id());
                            assertThat(v.splitId()).isEqualTo("cluster-3");
                            assertThat(v.extraVariants()).isZero();
                            assertThat(v.augmentations()).contains("hflip");
                        });
        // The same image and variant number give the same pixels, whatever the extras.
        assertThat(run(policy, icon).get(1)).isEqualTo(out.get(1));
        assertThat(out.get(2).pixels()).isNotEqualTo(out.get(1).pixels());
    }

    @Test
    void otherClassesGetTheGlobalCountAndVariantsPassUntouched() throws Exception {
        ImageAugmentPolicy policy =
                ImageAugmentPolicy.fromConfig(
                        Configuration.fromMap(
                                Map.of("image.augment.variants-per-class", "apps:3")));
        ImageEvent variant = icon.asVariant(1, icon.pixels(), "[]");

        assertThat(run(policy, icon)).containsExactly(icon);
        assertThat(run(policy, variant)).containsExactly(variant);
    }

    private static List<ImageEvent> run(ImageAugmentPolicy policy, ImageEvent in) throws Exception {
        try (OneInputStreamOperatorTestHarness<ImageEvent, ImageEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new ImageAugmentFunction(policy, SEED, 0xFFFFFF))) {
            harness.processElement(in, 0);
            return harness.extractOutputValues();
        }
    }
}

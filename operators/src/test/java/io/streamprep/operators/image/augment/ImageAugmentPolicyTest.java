package io.streamprep.operators.image.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.records.ImageEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ImageAugmentPolicyTest {

    @Test
    void makesNoVariantsByDefaultButHonoursBalancingExtras() {
        ImageAugmentPolicy policy = ImageAugmentPolicy.fromConfig(new Configuration());

        assertThat(policy.makesVariants()).isFalse();
        assertThat(policy.variantsOf(image("a", "apps", 0))).isZero();
        assertThat(policy.variantsOf(image("a", "apps", 3))).isEqualTo(3);
    }

    @Test
    void countsComeFromTheClassThenTheGlobalDefaultPlusExtrasBoundedByTheMaximum() {
        ImageAugmentPolicy policy =
                ImageAugmentPolicy.fromConfig(
                        config(
                                Map.of(
                                        "image.augment.variants", "1",
                                        "image.augment.variants-per-class", "emblems:4,actions:0",
                                        "image.augment.max-variants", "6")));

        assertThat(policy.makesVariants()).isTrue();
        assertThat(policy.variantsPerClass()).containsEntry("actions", 0);
        assertThat(policy.variantsOf(image("a", "emblems", 0))).isEqualTo(4);
        assertThat(policy.variantsOf(image("a", "actions", 0))).isZero();
        assertThat(policy.variantsOf(image("a", "apps", 0))).isEqualTo(1);
        assertThat(policy.variantsOf(image("a", null, 0))).isEqualTo(1);
        assertThat(policy.variantsOf(image("a", "actions", 2))).isEqualTo(2);
        assertThat(policy.variantsOf(image("a", "emblems", 5))).isEqualTo(6);
        ImageEvent variant = image("a", "emblems", 2).asVariant(1, new byte[12], "[]");
        assertThat(variant.extraVariants()).isZero();
        assertThat(policy.variantsOf(variant)).isZero();
    }

    @Test
    void onlyPerClassCountsAlsoMakeVariants() {
        ImageAugmentPolicy policy =
                ImageAugmentPolicy.fromConfig(
                        config(Map.of("image.augment.variants-per-class", "emblems:2")));

        assertThat(policy.makesVariants()).isTrue();
        assertThat(policy.variantsOf(image("a", "emblems", 0))).isEqualTo(2);
        assertThat(policy.variantsOf(image("a", "apps", 0))).isZero();
    }

    @Test
    void badCountsNameTheOption() {
        assertThatThrownBy(
                        () ->
                                ImageAugmentPolicy.fromConfig(
                                        config(Map.of("image.augment.variants-per-class", "a:x"))))
                .hasMessageContaining("image.augment.variants-per-class");
        assertThatThrownBy(
                        () ->
                                ImageAugmentPolicy.fromConfig(
                                        config(Map.of("image.augment.variants-per-class", "a:-1"))))
                .hasMessageContaining("image.augment.variants-per-class");
        assertThatThrownBy(
                        () ->
                                ImageAugmentPolicy.fromConfig(
                                        config(Map.of("image.augment.max-variants", "-1"))))
                .hasMessageContaining("image.augment.max-variants");
    }

    @Test
    void isSerializable() throws Exception {
        ImageAugmentPolicy policy =
                ImageAugmentPolicy.fromConfig(
                        config(Map.of("image.augment.variants-per-class", "emblems:2")));

        assertThat(InstantiationUtil.clone(policy)).isEqualTo(policy);
    }

    private static Configuration config(Map<String, String> values) {
        return Configuration.fromMap(values);
    }

    static ImageEvent image(String id, String label, int extraVariants) {
        return new ImageEvent(
                        id,
                        1000,
                        "test:" + id,
                        id.getBytes(StandardCharsets.UTF_8),
                        label,
                        null,
                        "png",
                        null,
                        2,
                        2,
                        new byte[12],
                        "fp-" + id,
                        null,
                        0,
                        null)
                .withExtraVariants(extraVariants);
    }
}

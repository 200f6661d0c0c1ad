package io.streamprep.operators.augment.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class AugmentPolicyTest {

    @Test
    void isOffByDefault() {
        AugmentPolicy policy = AugmentPolicy.fromConfig(new Configuration());
        assertThat(policy.enabled()).isFalse();
        assertThat(policy.edaVariantsOf(event("a", "x", 3))).isZero();
        assertThat(policy.backTranslationVariantOf(event("a", "x", 0))).isZero();
    }

    @Test
    void countsComeFromTheClassThenTheGlobalDefaultPlusExtrasBoundedByTheMaximum() {
        AugmentPolicy policy =
                AugmentPolicy.fromConfig(
                        config(
                                Map.of(
                                        "augment.enabled", "true",
                                        "augment.eda.variants", "2",
                                        "augment.eda.variants-per-class", "rare:4,common:0",
                                        "augment.max-variants", "6")));
        assertThat(policy.edaVariantsOf(event("a", "rare", 0))).isEqualTo(4);
        assertThat(policy.edaVariantsOf(event("a", "common", 0))).isZero();
        assertThat(policy.edaVariantsOf(event("a", "other", 0))).isEqualTo(2);
        assertThat(policy.edaVariantsOf(event("a", null, 0))).isEqualTo(2);
        assertThat(policy.edaVariantsOf(event("a", "common", 1))).isEqualTo(1);
        assertThat(policy.edaVariantsOf(event("a", "rare", 5))).isEqualTo(6);
        assertThat(policy.backTranslationVariantOf(event("a", "rare", 0))).isZero();
        // Variants are never augmented again.
        TextEvent variant = event("a", "rare", 0).asVariant(1, "t", "[]");
        assertThat(policy.edaVariantsOf(variant)).isZero();
    }

    @Test
    void backTranslationTakesTheNumberAfterTheEdaVariantsWithinTheMaximum() {
        AugmentPolicy policy =
                AugmentPolicy.fromConfig(
                        config(
                                Map.of(
                                        "augment.enabled", "true",
                                        "augment.eda.variants", "3",
                                        "augment.max-variants", "4",
                                        "augment.backtranslate.enabled", "true",
                                        "augment.backtranslate.classes", "rare")));
        assertThat(policy.edaVariantsOf(event("a", "rare", 0))).isEqualTo(3);
        assertThat(policy.backTranslationVariantOf(event("a", "rare", 0))).isEqualTo(4);
        assertThat(policy.edaVariantsOf(event("a", "rare", 9))).isEqualTo(3);
        assertThat(policy.backTranslationVariantOf(event("a", "rare", 9))).isEqualTo(4);
        assertThat(policy.backTranslationVariantOf(event("a", "common", 0))).isZero();
        assertThat(policy.edaVariantsOf(event("a", "common", 0))).isEqualTo(3);
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(
                        () ->
                                AugmentPolicy.fromConfig(
                                        config(Map.of("augment.eda.variants-per-class", "a:x"))))
                .hasMessageContaining("augment.eda.variants-per-class");
        assertThatThrownBy(
                        () ->
                                AugmentPolicy.fromConfig(
                                        config(Map.of("augment.eda.operations", "shuffle"))))
                .hasMessageContaining("shuffle");
        assertThatThrownBy(
                        () ->
                                AugmentPolicy.fromConfig(
                                        config(Map.of("augment.eda.random-swap.alpha", "1.5"))))
                .hasMessageContaining("random_swap alpha");
        assertThatThrownBy(
                        () ->
                                AugmentPolicy.fromConfig(
                                        config(Map.of("augment.max-variants", "-1"))))
                .hasMessageContaining("augment.max-variants");
    }

    @Test
    void isSerializable() throws Exception {
        AugmentPolicy policy =
                AugmentPolicy.fromConfig(
                        config(Map.of("augment.eda.variants-per-class", "rare:4")));
        assertThat(InstantiationUtil.clone(policy)).isEqualTo(policy);
        assertThat(policy.edaSteps()).hasSize(4);
        assertThat(policy.edaVariantsPerClass()).containsEntry("rare", 4);
        assertThat(policy.backTranslateClasses()).isEqualTo(List.of());
    }

    static TextEvent event(String id, String label, int extraVariants) {
        byte[] original = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        return new TextEvent(
                        new TextRecord(id, null, "some text", label, null),
                        1000L,
                        "test:" + id,
                        original,
                        null)
                .withExtraVariants(extraVariants);
    }

    private static Configuration config(Map<String, String> values) {
        return Configuration.fromMap(values);
    }
}

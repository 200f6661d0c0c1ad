package io.streamprep.operators.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.operators.normalize.pii.PiiType;
import io.streamprep.schemas.config.NormalizeOptions;
import java.util.EnumSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class NormalizerSettingsTest {

    @Test
    void defaultsMatchTheOptions() {
        NormalizerSettings d = NormalizerSettings.defaults();
        assertThat(d).isEqualTo(NormalizerSettings.fromConfig(new Configuration()));
        assertThat(d.html()).isTrue();
        assertThat(d.nfkc()).isTrue();
        assertThat(d.stripControl()).isTrue();
        assertThat(d.collapseWhitespace()).isTrue();
        assertThat(d.lowercase()).isFalse();
        assertThat(d.piiTypes()).isEqualTo(EnumSet.allOf(PiiType.class));
        assertThat(d.minChars()).isEqualTo(1);
        assertThat(d.maxChars()).isEqualTo(100_000);
    }

    @Test
    void readsEveryOption() {
        Configuration config = new Configuration();
        config.set(NormalizeOptions.HTML, false);
        config.set(NormalizeOptions.NFKC, false);
        config.set(NormalizeOptions.STRIP_CONTROL, false);
        config.set(NormalizeOptions.COLLAPSE_WHITESPACE, false);
        config.set(NormalizeOptions.LOWERCASE, true);
        config.set(NormalizeOptions.PII_EMAIL, false);
        config.set(NormalizeOptions.PII_PHONE, true);
        config.set(NormalizeOptions.PII_IP, false);
        config.set(NormalizeOptions.PII_CREDIT_CARD, false);
        config.set(NormalizeOptions.MIN_CHARS, 7);
        config.set(NormalizeOptions.MAX_CHARS, 0);

        assertThat(NormalizerSettings.fromConfig(config))
                .isEqualTo(
                        new NormalizerSettings(
                                false, false, false, false, true, false, true, false, false, 7, 0));
        assertThat(NormalizerSettings.fromConfig(config).piiTypes()).containsExactly(PiiType.PHONE);
    }

    @Test
    void rejectsNegativeMinimum() {
        Configuration config = new Configuration();
        config.set(NormalizeOptions.MIN_CHARS, -1);
        assertThatThrownBy(() -> NormalizerSettings.fromConfig(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filter.min-chars")
                .hasMessageContaining("-1");
    }

    @Test
    void rejectsNegativeMaximum() {
        assertThatThrownBy(() -> NormalizerSettings.builder().maxChars(-5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filter.max-chars");
    }

    @Test
    void rejectsMaximumBelowMinimum() {
        Configuration config = new Configuration();
        config.set(NormalizeOptions.MIN_CHARS, 10);
        config.set(NormalizeOptions.MAX_CHARS, 9);
        assertThatThrownBy(() -> NormalizerSettings.fromConfig(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filter.max-chars")
                .hasMessageContaining("filter.min-chars");
    }

    @Test
    void acceptsNoMaximumAndEqualLimits() {
        assertThat(NormalizerSettings.builder().minChars(50).maxChars(0).build().maxChars())
                .isZero();
        assertThat(NormalizerSettings.builder().minChars(5).maxChars(5).build().maxChars())
                .isEqualTo(5);
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        NormalizerSettings settings =
                NormalizerSettings.builder().lowercase(true).piiIp(false).minChars(3).build();
        byte[] bytes = InstantiationUtil.serializeObject(settings);
        NormalizerSettings copy =
                InstantiationUtil.deserializeObject(bytes, getClass().getClassLoader());
        assertThat(copy).isEqualTo(settings);
    }
}

package io.streamprep.operators.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.TokenizerOptions;
import io.streamprep.schemas.config.TokenizerOptions.Padding;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class TokenizerSettingsTest {

    @Test
    void unsetOptionsTakeTheDocumentedDefaults() {
        TokenizerSettings settings = TokenizerSettings.fromConfig(new Configuration());

        assertThat(settings)
                .isEqualTo(
                        new TokenizerSettings(
                                TokenizerOptions.BUILTIN_BERT_UNCASED,
                                128,
                                true,
                                true,
                                32,
                                Padding.NONE,
                                true,
                                true));
    }

    @Test
    void readsEveryOption() {
        Configuration config = new Configuration();
        config.set(TokenizerOptions.PATH, "/models/tokenizer.json");
        config.set(TokenizerOptions.MAX_LENGTH, 64);
        config.set(TokenizerOptions.TRUNCATION, false);
        config.set(TokenizerOptions.OVERFLOW, false);
        config.set(TokenizerOptions.STRIDE, 8);
        config.set(TokenizerOptions.PADDING, Padding.MAX_LENGTH);
        config.set(TokenizerOptions.ADD_SPECIAL_TOKENS, false);
        config.set(TokenizerOptions.TOKEN_TYPE_IDS, false);

        assertThat(TokenizerSettings.fromConfig(config))
                .isEqualTo(
                        new TokenizerSettings(
                                "/models/tokenizer.json",
                                64,
                                false,
                                false,
                                8,
                                Padding.MAX_LENGTH,
                                false,
                                false));
    }

    @Test
    void maxLengthMustLeaveRoomForSpecialTokens() {
        Configuration config = new Configuration();
        config.set(TokenizerOptions.MAX_LENGTH, 1);
        config.set(TokenizerOptions.STRIDE, 0);

        assertThatThrownBy(() -> TokenizerSettings.fromConfig(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.max-length")
                .hasMessageContaining("but is 1");
    }

    @Test
    void strideMustNotBeNegative() {
        Configuration config = new Configuration();
        config.set(TokenizerOptions.STRIDE, -1);

        assertThatThrownBy(() -> TokenizerSettings.fromConfig(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.stride")
                .hasMessageContaining("-1");
    }

    @Test
    void strideMustBeShorterThanAWindowWhenWindowsOverlap() {
        Configuration config = new Configuration();
        config.set(TokenizerOptions.MAX_LENGTH, 32);
        config.set(TokenizerOptions.STRIDE, 32);

        assertThatThrownBy(() -> TokenizerSettings.fromConfig(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.stride (32)")
                .hasMessageContaining("tokenizer.max-length (32)");
    }

    @Test
    void strideIsIgnoredWhenWindowsDoNotOverlap() {
        Configuration config = new Configuration();
        config.set(TokenizerOptions.MAX_LENGTH, 16);
        config.set(TokenizerOptions.STRIDE, 32);
        config.set(TokenizerOptions.OVERFLOW, false);

        TokenizerSettings settings = TokenizerSettings.fromConfig(config);

        assertThat(settings.windowsOverlap()).isFalse();
        assertThat(settings.effectiveStride()).isZero();
    }

    @Test
    void overlapNeedsBothTruncationAndOverflow() {
        Configuration config = new Configuration();
        config.set(TokenizerOptions.TRUNCATION, false);

        TokenizerSettings settings = TokenizerSettings.fromConfig(config);

        assertThat(settings.windowsOverlap()).isFalse();
        assertThat(TokenizerSettings.fromConfig(new Configuration()).effectiveStride())
                .isEqualTo(32);
    }

    @Test
    void pathMustNotBeBlank() {
        Configuration config = new Configuration();
        config.set(TokenizerOptions.PATH, " ");

        assertThatThrownBy(() -> TokenizerSettings.fromConfig(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.path");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        TokenizerSettings settings = TokenizerSettings.fromConfig(new Configuration());

        assertThat(InstantiationUtil.clone(settings)).isEqualTo(settings);
    }
}

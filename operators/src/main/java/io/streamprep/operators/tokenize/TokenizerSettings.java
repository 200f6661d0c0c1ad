package io.streamprep.operators.tokenize;

import io.streamprep.schemas.config.TokenizerOptions;
import io.streamprep.schemas.config.TokenizerOptions.Padding;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Every {@link TokenizerOptions} knob, read once and checked, so a Flink function can carry it to
 * the task managers.
 *
 * <p>The checks here need no tokenizer. The limits that depend on how many special tokens the
 * chosen tokenizer adds are checked when a {@link TextTokenizer} is opened (see {@link
 * TextTokenizer#validate(TokenizerSettings)}).
 *
 * @param path {@value TokenizerOptions#BUILTIN_BERT_UNCASED} or a file system path to a HuggingFace
 *     {@code tokenizer.json}
 * @param maxLength tokens per window, special tokens included
 * @param truncation whether texts longer than {@code maxLength} are cut into windows
 * @param overflow whether the tokens cut by truncation become further windows
 * @param stride tokens shared by consecutive windows; only used with truncation and overflow
 * @param padding whether windows are padded to {@code maxLength}
 * @param addSpecialTokens whether the tokenizer's special tokens ([CLS], [SEP], ...) are added
 * @param tokenTypeIds whether windows carry token type ids
 * @throws IllegalArgumentException naming the option, if a value is out of range
 */
public record TokenizerSettings(
        String path,
        int maxLength,
        boolean truncation,
        boolean overflow,
        int stride,
        Padding padding,
        boolean addSpecialTokens,
        boolean tokenTypeIds)
        implements Serializable {

    /** The smallest window: room for the usual two special tokens. */
    public static final int MIN_MAX_LENGTH = 2;

    public TokenizerSettings {
        Objects.requireNonNull(path, TokenizerOptions.PATH.key());
        Objects.requireNonNull(padding, TokenizerOptions.PADDING.key());
        if (path.isBlank()) {
            throw new IllegalArgumentException(TokenizerOptions.PATH.key() + " must not be blank");
        }
        if (maxLength < MIN_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s must be at least %d (room for special tokens), but is %d",
                            TokenizerOptions.MAX_LENGTH.key(), MIN_MAX_LENGTH, maxLength));
        }
        if (stride < 0) {
            throw new IllegalArgumentException(
                    TokenizerOptions.STRIDE.key() + " must not be negative, but is " + stride);
        }
        if (truncation && overflow && stride >= maxLength) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s (%d) must be less than %s (%d)",
                            TokenizerOptions.STRIDE.key(),
                            stride,
                            TokenizerOptions.MAX_LENGTH.key(),
                            maxLength));
        }
    }

    /** Reads every tokenizer option, using the documented defaults for unset ones. */
    public static TokenizerSettings fromConfig(ReadableConfig config) {
        return new TokenizerSettings(
                config.get(TokenizerOptions.PATH),
                config.get(TokenizerOptions.MAX_LENGTH),
                config.get(TokenizerOptions.TRUNCATION),
                config.get(TokenizerOptions.OVERFLOW),
                config.get(TokenizerOptions.STRIDE),
                config.get(TokenizerOptions.PADDING),
                config.get(TokenizerOptions.ADD_SPECIAL_TOKENS),
                config.get(TokenizerOptions.TOKEN_TYPE_IDS));
    }

    /** Whether long texts become several windows sharing {@link #stride()} tokens. */
    public boolean windowsOverlap() {
        return truncation && overflow;
    }

    /** The stride the tokenizer must use: {@link #stride()} when windows overlap, else 0. */
    public int effectiveStride() {
        return windowsOverlap() ? stride : 0;
    }
}

package io.streamprep.operators.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import io.streamprep.schemas.config.TokenizerOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a text into token windows with a HuggingFace tokenizer, as {@link TokenizerSettings} say.
 * Not thread-safe: open one per Flink subtask and close it when done.
 *
 * <p>Guarantees: window 0 holds the start of the text. With truncation and overflow on, a text
 * longer than {@code max-length} yields further windows, in order, each a complete model input
 * (special tokens included, at most {@code max-length} tokens) and each starting with the last
 * {@code stride} content tokens of the previous one, so that together they cover the whole text.
 * With truncation on and overflow off only window 0 is kept. With truncation off there is exactly
 * one window holding the whole text, however long. A text with no content tokens (e.g. only
 * whitespace) yields one window of special tokens only.
 *
 * <p>Failures: a text the tokenizer cannot handle raises {@link TokenizationException} and leaves
 * the tokenizer usable. Settings the chosen tokenizer cannot honour fail {@link #open} with an
 * {@link IllegalArgumentException} naming the option.
 */
public final class TextTokenizer implements AutoCloseable {

    // Reading ids straight from the native encoding skips the tokens, character offsets and word
    // ids that DJL's Encoding copies into Java for every window; with overflow windows that is
    // most of the time (see BENCHMARKS.md).
    private static final TokenizersLibrary NATIVE = TokenizersLibrary.LIB;

    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerSettings settings;
    private final boolean padded;
    private final int specialTokens;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, TokenizerSettings settings) {
        this.tokenizer = tokenizer;
        this.settings = settings;
        this.padded = settings.padding() == TokenizerOptions.Padding.MAX_LENGTH;
        this.specialTokens = encode("").get(0).realTokens();
        checkLimits();
    }

    /**
     * Loads the tokenizer the settings name and checks the settings against it.
     *
     * @throws IllegalArgumentException naming the option, if the tokenizer cannot be loaded or
     *     {@code max-length} or {@code stride} leave no room for content next to its special tokens
     */
    public static TextTokenizer open(TokenizerSettings settings) {
        HuggingFaceTokenizer tokenizer = TokenizerLoader.load(settings);
        try {
            return new TextTokenizer(tokenizer, settings);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /**
     * Opens and closes a tokenizer, so that a job can fail on bad settings before it runs.
     *
     * @throws IllegalArgumentException as {@link #open} does
     */
    public static void validate(TokenizerSettings settings) {
        open(settings).close();
    }

    /**
     * The token windows of the text, window 0 first; never empty.
     *
     * @throws TokenizationException if the text has an unpaired surrogate or the tokenizer fails
     */
    public List<TokenWindow> encode(String text) {
        requireWellFormed(text);
        long encoding = nativeEncode(text);
        try {
            if (!settings.windowsOverlap() || NATIVE.getOverflowCount(encoding) == 0) {
                return List.of(window(encoding));
            }
            long[] overflowing = NATIVE.getOverflowing(encoding);
            try {
                List<TokenWindow> windows = new ArrayList<>(1 + overflowing.length);
                windows.add(window(encoding));
                for (long part : overflowing) {
                    windows.add(window(part));
                }
                return windows;
            } finally {
                for (long part : overflowing) {
                    NATIVE.deleteEncoding(part);
                }
            }
        } finally {
            NATIVE.deleteEncoding(encoding);
        }
    }

    /** How many special tokens the tokenizer adds to each window (0 if they are disabled). */
    public int specialTokens() {
        return specialTokens;
    }

    public TokenizerSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private long nativeEncode(String text) {
        long handle = tokenizer.getHandle();
        try {
            return NATIVE.encode(handle, text, settings.addSpecialTokens());
        } catch (RuntimeException e) {
            throw new TokenizationException("tokenizer failed: " + e.getMessage(), e);
        }
    }

    private TokenWindow window(long encoding) {
        int[] ids = toInts(NATIVE.getTokenIds(encoding));
        int[] mask;
        if (padded) {
            mask = toInts(NATIVE.getAttentionMask(encoding));
        } else {
            mask = new int[ids.length];
            Arrays.fill(mask, 1);
        }
        int[] typeIds = settings.tokenTypeIds() ? toInts(NATIVE.getTypeIds(encoding)) : null;
        return new TokenWindow(ids, mask, typeIds);
    }

    /** The native tokenizer aborts the JVM on some impossible settings; refuse them up front. */
    private void checkLimits() {
        if (!settings.truncation()) {
            return;
        }
        int room = settings.maxLength() - specialTokens;
        if (room < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s (%d) leaves no room for text next to the %d special tokens of %s",
                            TokenizerOptions.MAX_LENGTH.key(),
                            settings.maxLength(),
                            specialTokens,
                            settings.path()));
        }
        if (settings.windowsOverlap() && settings.stride() >= room) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s (%d) must be less than %s (%d) minus the %d special tokens of %s",
                            TokenizerOptions.STRIDE.key(),
                            settings.stride(),
                            TokenizerOptions.MAX_LENGTH.key(),
                            settings.maxLength(),
                            specialTokens,
                            settings.path()));
        }
    }

    /**
     * The JNI layer decodes a string with an unpaired surrogate lossily, which silently drops that
     * character and corrupts every supplementary character (emoji, rare CJK) in the same text.
     */
    private static void requireWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new TokenizationException(
                        "text has an unpaired UTF-16 surrogate at char " + i);
            }
        }
    }

    private static int[] toInts(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }
}

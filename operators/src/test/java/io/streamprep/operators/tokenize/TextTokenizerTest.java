package io.streamprep.operators.tokenize;

import static io.streamprep.operators.tokenize.TestTokenizers.CLS;
import static io.streamprep.operators.tokenize.TestTokenizers.LONG_TEXT;
import static io.streamprep.operators.tokenize.TestTokenizers.MASK;
import static io.streamprep.operators.tokenize.TestTokenizers.SEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.TokenizerOptions;
import io.streamprep.schemas.config.TokenizerOptions.Padding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTokenizerTest {

    private static final String BUILTIN = TokenizerOptions.BUILTIN_BERT_UNCASED;

    @TempDir Path dir;

    @Test
    void encodesKnownBertIds() {
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.builtin(128, 32))) {
            assertThat(tokenizer.encode("hello world"))
                    .containsExactly(
                            new TokenWindow(
                                    new int[] {101, 7592, 2088, 102},
                                    new int[] {1, 1, 1, 1},
                                    new int[] {0, 0, 0, 0}));
            assertThat(tokenizer.specialTokens()).isEqualTo(2);
        }
    }

    @Test
    void normalizesUnicodeAsBertUncasedDoes() {
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.builtin(128, 32))) {
            assertThat(ids(tokenizer, "Café NAÏVE")).isEqualTo(ids(tokenizer, "cafe naive"));
            // CJK ideographs become one token each; an emoji is unknown to the vocabulary.
            assertThat(ids(tokenizer, "東京")).hasSize(4);
            assertThat(ids(tokenizer, "\uD83D\uDE00")).containsExactly(CLS, 100, SEP);
        }
    }

    @Test
    void textWithoutContentYieldsOneWindowOfSpecialTokens() {
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.builtin(128, 32))) {
            assertThat(ids(tokenizer, "")).containsExactly(CLS, SEP);
            assertThat(ids(tokenizer, " \t\n ")).containsExactly(CLS, SEP);
            assertThat(ids(tokenizer, "\u0000\u200B")).containsExactly(CLS, SEP);
        }
    }

    @Test
    void rejectsUnpairedSurrogatesAndStaysUsable() {
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.builtin(128, 32))) {
            assertThatThrownBy(() -> tokenizer.encode("ok \uD83D\uDE00 then \uD800 alone"))
                    .isInstanceOf(TokenizationException.class)
                    .hasMessageContaining("unpaired UTF-16 surrogate at char 11");
            assertThatThrownBy(() -> tokenizer.encode("\uDE00 low first"))
                    .isInstanceOf(TokenizationException.class);

            assertThat(ids(tokenizer, "hello world")).containsExactly(101, 7592, 2088, 102);
        }
    }

    @Test
    void canLeaveOutSpecialTokensAndTokenTypeIds() {
        TokenizerSettings settings =
                new TokenizerSettings(BUILTIN, 8, true, true, 2, Padding.NONE, false, false);
        try (TextTokenizer tokenizer = TextTokenizer.open(settings)) {
            assertThat(tokenizer.encode("hello world"))
                    .containsExactly(
                            new TokenWindow(new int[] {7592, 2088}, new int[] {1, 1}, null));
            assertThat(tokenizer.specialTokens()).isZero();
        }
    }

    @Test
    void withoutPaddingWindowsAreAsLongAsTheirTokens() {
        // The builtin tokenizer.json pads to 128 by itself; padding NONE must switch that off.
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.builtin(8, 2))) {
            List<TokenWindow> windows = tokenizer.encode(LONG_TEXT);
            TokenWindow last = windows.get(windows.size() - 1);

            assertThat(ids(tokenizer, "hello")).containsExactly(101, 7592, 102);
            assertThat(last.inputIds().length).isLessThanOrEqualTo(8);
            assertThat(last.attentionMask()).containsOnly(1);
        }
    }

    @Test
    void padsEveryWindowToMaxLength() {
        TokenizerSettings settings =
                new TokenizerSettings(BUILTIN, 8, true, true, 2, Padding.MAX_LENGTH, true, true);
        try (TextTokenizer tokenizer = TextTokenizer.open(settings)) {
            assertThat(tokenizer.encode("hello world"))
                    .containsExactly(
                            new TokenWindow(
                                    new int[] {101, 7592, 2088, 102, 0, 0, 0, 0},
                                    new int[] {1, 1, 1, 1, 0, 0, 0, 0},
                                    new int[] {0, 0, 0, 0, 0, 0, 0, 0}));
            List<TokenWindow> windows = tokenizer.encode("the quick brown fox jumps over the");
            assertThat(windows).hasSize(2);
            assertThat(windows.get(1).inputIds())
                    .containsExactly(101, 14523, 2058, 1996, 102, 0, 0, 0);
            assertThat(windows.get(1).attentionMask()).containsExactly(1, 1, 1, 1, 1, 0, 0, 0);
            assertThat(windows.get(1).realTokens()).isEqualTo(5);
        }
    }

    @Test
    void truncationWithoutOverflowKeepsTheFirstWindowOnly() {
        TokenizerSettings settings =
                new TokenizerSettings(BUILTIN, 8, true, false, 0, Padding.NONE, true, true);
        try (TextTokenizer tokenizer = TextTokenizer.open(settings)) {
            assertThat(tokenizer.encode("the quick brown fox jumps over the lazy dog"))
                    .extracting(TokenWindow::inputIds)
                    .containsExactly(new int[] {101, 1996, 4248, 2829, 4419, 14523, 2058, 102});
        }
    }

    @Test
    void withoutTruncationOneWindowHoldsTheWholeText() {
        // Longer than the 128 tokens at which the builtin tokenizer.json would truncate.
        String text = LONG_TEXT + " " + LONG_TEXT;
        TokenizerSettings settings =
                new TokenizerSettings(BUILTIN, 16, false, true, 4, Padding.MAX_LENGTH, true, true);
        try (TextTokenizer tokenizer = TextTokenizer.open(settings)) {
            List<TokenWindow> windows = tokenizer.encode(text);

            assertThat(windows).hasSize(1);
            assertThat(content(windows.get(0), 1, 1)).isEqualTo(fullSequence(BUILTIN, text));
            assertThat(fullSequence(BUILTIN, text)).hasSizeGreaterThan(400);
            assertThat(windows.get(0).attentionMask()).containsOnly(1);
            assertThat(ids(tokenizer, "hello"))
                    .containsExactly(101, 7592, 102, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    @Test
    void overflowWindowsHaveKnownIds() {
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.builtin(8, 2))) {
            assertThat(
                            tokenizer.encode(
                                    "the quick brown fox jumps over the lazy dog and then runs"
                                            + " away very fast"))
                    .extracting(TokenWindow::inputIds)
                    .containsExactly(
                            new int[] {101, 1996, 4248, 2829, 4419, 14523, 2058, 102},
                            new int[] {101, 14523, 2058, 1996, 13971, 3899, 1998, 102},
                            new int[] {101, 3899, 1998, 2059, 3216, 2185, 2200, 102},
                            new int[] {101, 2185, 2200, 3435, 102});
        }
    }

    @Test
    void aTextThatJustFitsIsOneWindow() {
        String fits = String.join(" ", Arrays.copyOf(LONG_TEXT.split(" "), 20));
        int room = fullSequence(BUILTIN, fits).size();
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.builtin(room + 2, 8))) {
            assertThat(tokenizer.encode(fits)).hasSize(1);
            assertThat(tokenizer.encode(fits + " dog")).hasSize(2);
        }
    }

    @ParameterizedTest(name = "max-length {0}, stride {1}")
    @CsvSource({"3,0", "8,0", "8,2", "16,5", "32,29", "128,32", "512,32"})
    void overflowWindowsReproduceTheWholeSequence(int maxLength, int stride) {
        assertWindowsCover(BUILTIN, List.of(CLS), List.of(SEP), maxLength, stride);
    }

    @Test
    void overflowWindowsOfASecondRealTokenizerReproduceTheWholeSequence() {
        String bge = TestTokenizers.bgePath().toString();

        assertWindowsCover(bge, List.of(CLS), List.of(SEP), 24, 6);
        try (TextTokenizer fromFile = TextTokenizer.open(TestTokenizers.settings(bge, 24, 6));
                TextTokenizer builtin = TextTokenizer.open(TestTokenizers.builtin(24, 6))) {
            assertThat(fromFile.encode(LONG_TEXT)).isEqualTo(builtin.encode(LONG_TEXT));
        }
    }

    @Test
    void overflowWindowsFollowATemplateWithThreeSpecialTokens() throws IOException {
        String path =
                TestTokenizers.withTemplate(dir, List.of("[CLS]"), List.of("[SEP]", "[MASK]"))
                        .toString();
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.settings(path, 8, 4))) {
            assertThat(tokenizer.specialTokens()).isEqualTo(3);
            assertThat(ids(tokenizer, "hello world")).containsExactly(CLS, 7592, 2088, SEP, MASK);
        }
        assertWindowsCover(path, List.of(CLS), List.of(SEP, MASK), 8, 4);
        assertWindowsCover(path, List.of(CLS), List.of(SEP, MASK), 20, 7);
    }

    @Test
    void overflowWindowsOfATokenizerWithoutSpecialTokens() throws IOException {
        String path = TestTokenizers.withTemplate(dir, List.of(), List.of()).toString();
        try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.settings(path, 2, 1))) {
            assertThat(tokenizer.specialTokens()).isZero();
        }
        assertWindowsCover(path, List.of(), List.of(), 2, 1);
        assertWindowsCover(path, List.of(), List.of(), 16, 0);
    }

    @Test
    void strideMustLeaveRoomNextToTheSpecialTokens() throws IOException {
        // 8 - 2 specials = 6 content tokens: stride 6 would abort the JVM inside the native
        // library.
        assertThatThrownBy(() -> TextTokenizer.open(TestTokenizers.builtin(8, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.stride (6)")
                .hasMessageContaining("tokenizer.max-length (8)")
                .hasMessageContaining("2 special tokens");
        String threeSpecials =
                TestTokenizers.withTemplate(dir, List.of("[CLS]"), List.of("[SEP]", "[MASK]"))
                        .toString();
        assertThatThrownBy(
                        () -> TextTokenizer.validate(TestTokenizers.settings(threeSpecials, 8, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 special tokens");
        TextTokenizer.validate(TestTokenizers.builtin(8, 5));
    }

    @Test
    void maxLengthMustLeaveRoomForText() {
        assertThatThrownBy(() -> TextTokenizer.validate(TestTokenizers.builtin(2, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.max-length (2)")
                .hasMessageContaining("no room");
        TokenizerSettings untruncated =
                new TokenizerSettings(BUILTIN, 2, false, true, 0, Padding.NONE, true, true);
        TextTokenizer.validate(untruncated);
    }

    @Test
    void validateReportsABadPath() {
        assertThatThrownBy(() -> TextTokenizer.validate(TestTokenizers.settings("/nope", 8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.path '/nope'");
    }

    /**
     * Checks every window of LONG_TEXT: specials around at most maxLength tokens, all but the last
     * full, each starting with the stride tokens that end the previous one, and all of them
     * together giving the untruncated sequence.
     */
    private static void assertWindowsCover(
            String path, List<Integer> prefix, List<Integer> suffix, int maxLength, int stride) {
        List<Integer> full = fullSequence(path, LONG_TEXT);
        int room = maxLength - prefix.size() - suffix.size();
        List<TokenWindow> windows;
        try (TextTokenizer tokenizer =
                TextTokenizer.open(TestTokenizers.settings(path, maxLength, stride))) {
            windows = tokenizer.encode(LONG_TEXT);
        }

        int expectedWindows =
                full.size() <= room ? 1 : 1 + ceilDiv(full.size() - room, room - stride);
        assertThat(windows).hasSize(expectedWindows);
        List<Integer> rebuilt = new ArrayList<>();
        List<Integer> previous = null;
        for (int i = 0; i < windows.size(); i++) {
            TokenWindow window = windows.get(i);
            List<Integer> ids = boxed(window.inputIds());
            assertThat(ids.subList(0, prefix.size())).isEqualTo(prefix);
            assertThat(ids.subList(ids.size() - suffix.size(), ids.size())).isEqualTo(suffix);
            if (i < windows.size() - 1) {
                assertThat(ids).hasSize(maxLength);
            } else {
                assertThat(ids.size()).isLessThanOrEqualTo(maxLength);
            }
            List<Integer> content = content(window, prefix.size(), suffix.size());
            if (previous == null) {
                rebuilt.addAll(content);
            } else {
                assertThat(content.subList(0, stride))
                        .isEqualTo(previous.subList(previous.size() - stride, previous.size()));
                rebuilt.addAll(content.subList(stride, content.size()));
            }
            previous = content;
        }
        assertThat(rebuilt).isEqualTo(full);
    }

    /** The untruncated content tokens of the text, without special tokens. */
    private static List<Integer> fullSequence(String path, String text) {
        TokenizerSettings settings =
                new TokenizerSettings(path, 512, false, false, 0, Padding.NONE, false, false);
        try (TextTokenizer tokenizer = TextTokenizer.open(settings)) {
            return boxed(tokenizer.encode(text).get(0).inputIds());
        }
    }

    private static List<Integer> content(TokenWindow window, int prefix, int suffix) {
        List<Integer> ids = boxed(window.inputIds());
        return ids.subList(prefix, ids.size() - suffix);
    }

    private static List<Integer> ids(TextTokenizer tokenizer, String text) {
        List<TokenWindow> windows = tokenizer.encode(text);
        assertThat(windows).hasSize(1);
        return boxed(windows.get(0).inputIds());
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().collect(Collectors.toList());
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}

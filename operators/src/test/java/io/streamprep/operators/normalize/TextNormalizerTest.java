package io.streamprep.operators.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.operators.normalize.pii.PiiType;
import io.streamprep.schemas.records.RejectReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    private static final TextNormalizer DEFAULTS =
            new TextNormalizer(NormalizerSettings.defaults());

    private static String normalize(NormalizerSettings settings, String text) {
        return new TextNormalizer(settings).normalize(text).text();
    }

    private static NormalizerSettings.Builder allOff() {
        return NormalizerSettings.builder()
                .html(false)
                .nfkc(false)
                .stripControl(false)
                .collapseWhitespace(false)
                .lowercase(false)
                .pii(false)
                .minChars(0)
                .maxChars(0);
    }

    @Test
    void everyStepOffLeavesTextUnchanged() {
        String text = " <p>Ｈｉ</p>\u00AD a@b.com\t\n";
        assertThat(normalize(allOff().build(), text)).isEqualTo(text);
    }

    @Test
    void htmlStep() {
        assertThat(normalize(allOff().html(true).build(), "<p>a</p><p>b &amp; c</p>"))
                .isEqualTo("a b & c");
        assertThat(normalize(allOff().build(), "<p>a</p>")).isEqualTo("<p>a</p>");
    }

    @Test
    void nfkcStep() {
        NormalizerSettings nfkc = allOff().nfkc(true).build();
        assertThat(normalize(nfkc, "Ｈｅｌｌｏ １２３ ﬁne ①")).isEqualTo("Hello 123 fine 1");
        assertThat(normalize(nfkc, "e\u0301")).isEqualTo("\u00E9");
        assertThat(normalize(allOff().build(), "Ｈｅｌｌｏ")).isEqualTo("Ｈｅｌｌｏ");
    }

    @Test
    void stripControlStep() {
        NormalizerSettings strip = allOff().stripControl(true).build();
        assertThat(normalize(strip, "a\u0000b\u0007c\u001Fd")).isEqualTo("abcd");
        assertThat(normalize(strip, "soft\u00ADhyphen zero\u200Bwidth \uFEFFbom"))
                .isEqualTo("softhyphen zerowidth bom");
        assertThat(normalize(strip, "\u202Eevil\u202C \u2066iso\u2069")).isEqualTo("evil iso");
        assertThat(normalize(strip, "tab\tnl\ncr\r\n")).isEqualTo("tab\tnl\ncr\r\n");
        assertThat(normalize(strip, "lone \uD800 surrogate")).isEqualTo("lone  surrogate");
        assertThat(normalize(strip, "hidden\uDB40\uDC41\uDB40\uDC42")).isEqualTo("hidden");
    }

    @Test
    void stripControlKeepsJoinersThatScriptsNeed() {
        NormalizerSettings strip = allOff().stripControl(true).build();
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        assertThat(normalize(strip, family)).isEqualTo(family);
        assertThat(normalize(strip, persian)).isEqualTo(persian);
    }

    @Test
    void collapseWhitespaceStep() {
        NormalizerSettings collapse = allOff().collapseWhitespace(true).build();
        assertThat(normalize(collapse, "  a \t\n b\u2028c\u00A0\u3000d  ")).isEqualTo("a b c d");
        assertThat(normalize(allOff().build(), "a  b")).isEqualTo("a  b");
    }

    @Test
    void lowercaseStepKeepsPlaceholdersUpperCase() {
        NormalizerSettings lower = NormalizerSettings.builder().lowercase(true).build();
        assertThat(normalize(lower, "Mail JOHN@Example.COM or CALL +1 555 123 4567 NOW"))
                .isEqualTo("mail <EMAIL> or call <PHONE> now");
        assertThat(normalize(lower, "Already <IP> and <CREDIT_CARD> Here"))
                .isEqualTo("already <IP> and <CREDIT_CARD> here");
        assertThat(normalize(NormalizerSettings.defaults(), "MiXeD")).isEqualTo("MiXeD");
    }

    @Test
    void lowercaseIgnoresTheDefaultLocale() {
        NormalizerSettings lower = allOff().lowercase(true).build();
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(normalize(lower, "TITLE ISTANBUL")).isEqualTo("title istanbul");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void piiStepHonoursEachSwitch() {
        String text = "a@b.com 10.0.0.1 4111111111111111 +44 20 7946 0958";
        assertThat(normalize(NormalizerSettings.defaults(), text))
                .isEqualTo("<EMAIL> <IP> <CREDIT_CARD> <PHONE>");
        assertThat(normalize(NormalizerSettings.builder().piiEmail(false).build(), text))
                .isEqualTo("a@b.com <IP> <CREDIT_CARD> <PHONE>");
        assertThat(normalize(NormalizerSettings.builder().piiIp(false).build(), text))
                .isEqualTo("<EMAIL> 10.0.0.1 <CREDIT_CARD> <PHONE>");
        assertThat(normalize(NormalizerSettings.builder().piiCreditCard(false).build(), text))
                .isEqualTo("<EMAIL> <IP> 4111111111111111 <PHONE>");
        assertThat(normalize(NormalizerSettings.builder().piiPhone(false).build(), text))
                .isEqualTo("<EMAIL> <IP> <CREDIT_CARD> +44 20 7946 0958");
    }

    @Test
    void reportsPiiCounts() {
        NormalizationResult result = DEFAULTS.normalize("x@y.org, z@y.org from 10.0.0.1");
        assertThat(result.piiCount(PiiType.EMAIL)).isEqualTo(2);
        assertThat(result.piiCount(PiiType.IP)).isEqualTo(1);
        assertThat(result.piiCount(PiiType.PHONE)).isZero();
    }

    @Test
    void nfkcRunsBeforePiiSoFullWidthDataIsCaught() {
        assertThat(DEFAULTS.normalize("ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ").text()).isEqualTo("<EMAIL>");
        assertThat(DEFAULTS.normalize("card ４１１１ １１１１ １１１１ １１１１").text())
                .isEqualTo("card <CREDIT_CARD>");
        assertThat(DEFAULTS.normalize("ip １９２．１６８．０．１").text()).isEqualTo("ip <IP>");
    }

    @Test
    void htmlRunsBeforeNfkcAndPii() {
        assertThat(DEFAULTS.normalize("<p>mail <b>x&#64;example.com</b></p>").text())
                .isEqualTo("mail <EMAIL>");
        assertThat(DEFAULTS.normalize("<p>&#xFF11;&#xFF12;3</p>").text()).isEqualTo("123");
    }

    @Test
    void invisibleCharactersCannotHidePii() {
        assertThat(DEFAULTS.normalize("jo\u200Bhn@exam\u00ADple.com").text()).isEqualTo("<EMAIL>");
        assertThat(DEFAULTS.normalize("4111\u200B1111\u200B1111\u200B1111").text())
                .isEqualTo("<CREDIT_CARD>");
    }

    @Test
    void stripBeforeNfkcComposesAcrossRemovedCharacters() {
        assertThat(DEFAULTS.normalize("e\u200B\u0301").text()).isEqualTo("\u00E9");
    }

    @Test
    void piiRunsBeforeWhitespaceCollapse() {
        assertThat(DEFAULTS.normalize("555\n123\n4567").text()).isEqualTo("555 123 4567");
        assertThat(DEFAULTS.normalize("555 123 4567\n").text()).isEqualTo("<PHONE>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   \t\n ",
                "<p> </p><script>x()</script>",
                "\u200B\u00AD\uFEFF",
                "\u200D",
                "<br>&nbsp;<br>",
            })
    void rejectsEmptyAfterNormalization(String text) {
        NormalizationResult result = DEFAULTS.normalize(text);
        assertThat(result.isAccepted()).isFalse();
        assertThat(result.reason()).isEqualTo(RejectReason.EMPTY_AFTER_NORMALIZATION);
        assertThat(result.message()).contains("empty");
    }

    @Test
    void emptyIsRejectedEvenWithoutMinimum() {
        assertThat(new TextNormalizer(allOff().build()).normalize(" ").reason())
                .isEqualTo(RejectReason.EMPTY_AFTER_NORMALIZATION);
    }

    @Test
    void rejectsTooShortNamingLimitAndLength() {
        TextNormalizer normalizer =
                new TextNormalizer(NormalizerSettings.builder().minChars(10).build());
        NormalizationResult result = normalizer.normalize("<b>  short  </b>");
        assertThat(result.reason()).isEqualTo(RejectReason.TOO_SHORT);
        assertThat(result.message()).contains("filter.min-chars = 10").contains("has 5 characters");
        assertThat(normalizer.normalize("0123456789").isAccepted()).isTrue();
    }

    @Test
    void rejectsTooLongNamingLimitAndLength() {
        TextNormalizer normalizer =
                new TextNormalizer(NormalizerSettings.builder().maxChars(5).build());
        NormalizationResult result = normalizer.normalize("abcdef");
        assertThat(result.reason()).isEqualTo(RejectReason.TOO_LONG);
        assertThat(result.message()).contains("filter.max-chars = 5").contains("has 6 characters");
        assertThat(normalizer.normalize("  abcde  ").text()).isEqualTo("abcde");
    }

    @Test
    void lengthIsMeasuredAfterNormalizationInCodePoints() {
        TextNormalizer normalizer =
                new TextNormalizer(NormalizerSettings.builder().minChars(3).maxChars(3).build());
        assertThat(normalizer.normalize("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00").isAccepted())
                .isTrue();
        assertThat(normalizer.normalize("<i>a</i>   <i>b</i>").text()).isEqualTo("a b");
        assertThat(normalizer.normalize("x@example.com").reason()).isEqualTo(RejectReason.TOO_LONG);
    }

    @Test
    void zeroMaxMeansNoLimit() {
        TextNormalizer normalizer =
                new TextNormalizer(NormalizerSettings.builder().maxChars(0).build());
        assertThat(normalizer.normalize("x".repeat(200_000)).isAccepted()).isTrue();
    }

    @Test
    void acceptedResultHasNoRejectReason() {
        NormalizationResult result = DEFAULTS.normalize("fine");
        assertThatThrownBy(result::reason).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(DEFAULTS.normalize("")::text).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isDeterministicAcrossInstancesAndThreads() throws Exception {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inputs.add(
                    "<p>Record "
                            + i
                            + " from user"
                            + i
                            + "@example.com at 10.0."
                            + (i % 256)
                            + ".1 — ＦＵＬＬ\u00ADwidth\u200B</p>");
        }
        List<String> expected = new ArrayList<>();
        for (String input : inputs) {
            expected.add(DEFAULTS.normalize(input).text());
        }
        TextNormalizer other = new TextNormalizer(NormalizerSettings.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(
                        pool.submit(
                                () -> {
                                    List<String> out = new ArrayList<>();
                                    for (String input : inputs) {
                                        out.add(other.normalize(input).text());
                                    }
                                    return out;
                                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.get(7)).isEqualTo("Record 7 from <EMAIL> at <IP> — FULLwidth");
    }
}

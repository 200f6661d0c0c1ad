package io.streamprep.operators.normalize;

import io.streamprep.operators.normalize.pii.PiiRedactor;
import io.streamprep.operators.normalize.pii.PiiType;
import io.streamprep.operators.normalize.pii.Redaction;
import io.streamprep.schemas.config.NormalizeOptions;
import io.streamprep.schemas.records.RejectReason;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text normalization pipeline, each step switched by {@link NormalizerSettings}, in this order:
 *
 * <ol>
 *   <li>HTML to visible text ({@link HtmlToText}) first, so that entities such as {@code &#xFF10;}
 *       or {@code &shy;} are decoded before the character steps see them;
 *   <li>removal of invisible characters ({@link InvisibleCharacters}) before NFKC, so that a
 *       removed character cannot keep a base letter and its combining mark apart, and before PII
 *       detection, so that {@code jo\u200Bhn@example.com} is still an address;
 *   <li>Unicode NFKC before PII detection, so that full-width digits and {@code ＠} are caught;
 *   <li>PII redaction ({@link PiiRedactor}) before whitespace collapsing, so that digit groups on
 *       separate lines are not joined into a phone number;
 *   <li>whitespace collapsing: every run of Unicode White_Space becomes one space, then trimmed;
 *   <li>lower-casing ({@link Locale#ROOT}) of everything except the placeholders {@code <EMAIL>},
 *       {@code <PHONE>}, {@code <IP>}, {@code <CREDIT_CARD>}, which stay upper-case (also where the
 *       input already held them);
 *   <li>filters, in this order: {@link RejectReason#EMPTY_AFTER_NORMALIZATION} if nothing but
 *       whitespace and format characters is left (whatever {@code filter.min-chars} says), {@link
 *       RejectReason#TOO_SHORT} below {@code filter.min-chars}, {@link RejectReason#TOO_LONG} above
 *       a non-zero {@code filter.max-chars}. Lengths count Unicode code points.
 * </ol>
 *
 * <p>Deterministic (no locale, clock or randomness), immutable and thread-safe. It never throws for
 * any input string; a text that cannot be used is reported as a rejected result.
 */
public final class TextNormalizer {

    private static final Pattern NOTHING_VISIBLE = Pattern.compile("[\\p{IsWhite_Space}\\p{Cf}]*+");
    private static final Pattern PLACEHOLDER =
            Pattern.compile(
                    Arrays.stream(PiiType.values())
                            .map(type -> Pattern.quote(type.placeholder()))
                            .collect(Collectors.joining("|")));

    private final NormalizerSettings settings;
    private final PiiRedactor redactor;

    public TextNormalizer(NormalizerSettings settings) {
        this.settings = settings;
        this.redactor = new PiiRedactor(settings.piiTypes());
    }

    public NormalizationResult normalize(String input) {
        String text = input;
        if (settings.html()) {
            text = HtmlToText.toText(text);
        }
        if (settings.stripControl()) {
            text = InvisibleCharacters.strip(text);
        }
        if (settings.nfkc() && !Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        Redaction redaction = redactor.redact(text);
        text = redaction.text();
        if (settings.collapseWhitespace()) {
            text = Whitespace.collapse(text).strip();
        }
        if (settings.lowercase()) {
            text = lowercaseOutsidePlaceholders(text);
        }
        return filter(text, redaction);
    }

    private NormalizationResult filter(String text, Redaction redaction) {
        if (NOTHING_VISIBLE.matcher(text).matches()) {
            return NormalizationResult.rejected(
                    RejectReason.EMPTY_AFTER_NORMALIZATION,
                    "normalized text is empty (input had only markup, whitespace or invisible"
                            + " characters)");
        }
        int length = text.codePointCount(0, text.length());
        if (length < settings.minChars()) {
            return NormalizationResult.rejected(
                    RejectReason.TOO_SHORT,
                    String.format(
                            "normalized text has %d characters, fewer than %s = %d",
                            length, NormalizeOptions.MIN_CHARS.key(), settings.minChars()));
        }
        if (settings.maxChars() > 0 && length > settings.maxChars()) {
            return NormalizationResult.rejected(
                    RejectReason.TOO_LONG,
                    String.format(
                            "normalized text has %d characters, more than %s = %d",
                            length, NormalizeOptions.MAX_CHARS.key(), settings.maxChars()));
        }
        return NormalizationResult.accepted(text, redaction);
    }

    private static String lowercaseOutsidePlaceholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            sb.append(text.substring(last, m.start()).toLowerCase(Locale.ROOT)).append(m.group());
            last = m.end();
        }
        return sb.append(text.substring(last).toLowerCase(Locale.ROOT)).toString();
    }
}

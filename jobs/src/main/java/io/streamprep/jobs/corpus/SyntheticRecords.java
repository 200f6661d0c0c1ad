package io.streamprep.jobs.corpus;

import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The hand-made lines mixed into the shipped sample: duplicates of earlier WordNet records (some
 * only after normalization), case variants, HTML, PII, an unlabelled record and one line of each
 * kind the parse and validate stages must reject. Each comes with what the pipeline should do with
 * it ({@link ExpectedOutcome}).
 *
 * <p>The lines are spread evenly over the sample in a fixed order; a duplicate's original is an
 * earlier WordNet record whose text occurs only once in the sample, so {@code duplicateOf} is
 * unambiguous. Everything is a pure function of the WordNet records passed in.
 */
final class SyntheticRecords {

    /**
     * One hand-made line.
     *
     * @param after the index of the WordNet record this line follows
     * @param render the line's bytes (without the newline) for a given event time
     * @param expected the expected outcome; its line number is not yet set
     */
    record Synthetic(int after, LongFunction<byte[]> render, ExpectedOutcome expected) {}

    private final List<TextRecord> sample;
    private final Iterator<TextRecord> spares;
    private final Set<String> repeatedTexts = new HashSet<>();
    private final Set<String> usedOriginals = new HashSet<>();
    private final Map<String, Integer> kindCounts = new HashMap<>();

    private SyntheticRecords(List<TextRecord> sample, List<TextRecord> spares) {
        this.sample = sample;
        Set<String> seen = new HashSet<>();
        for (TextRecord record : sample) {
            if (!seen.add(record.text())) {
                repeatedTexts.add(record.text());
            }
        }
        this.spares =
                spares.stream().filter(r -> !seen.contains(r.text()) && plain(r.text())).iterator();
    }

    /**
     * @param sample the WordNet records of the sample, in file order
     * @param spares other WordNet records (not in the sample) to wrap in HTML, in preference order
     * @throws IllegalStateException if the records offer no suitable original for a duplicate
     */
    static List<Synthetic> create(List<TextRecord> sample, List<TextRecord> spares) {
        return new SyntheticRecords(sample, spares).build();
    }

    private List<Synthetic> build() {
        List<IntFunction<Synthetic>> makers =
                List.of(
                        this::exactDuplicate,
                        htmlSpare("<p>%2$s</p>"),
                        fixed(FixedLines.PII_EMAIL),
                        fixed(FixedLines.NOT_JSON),
                        whitespaceDuplicate(t -> "  " + t.replace(" ", "  ") + " "),
                        this::upperCaseVariant,
                        fixed(FixedLines.JSON_ARRAY),
                        htmlDuplicate("<p>%s</p>", t -> true),
                        fixed(FixedLines.PII_PHONE),
                        fixed(FixedLines.MISSING_ID),
                        this::exactDuplicate,
                        fixed(FixedLines.UNLABELLED),
                        fixed(FixedLines.EMPTY_ID),
                        this::nfkcDuplicate,
                        htmlSpare("<div><b>%1$s</b>: %2$s</div>"),
                        fixed(FixedLines.MISSING_TEXT),
                        fixed(FixedLines.PII_IP),
                        this::otherLabelDuplicate,
                        fixed(FixedLines.EMPTY_TEXT),
                        this::capitalizedVariant,
                        whitespaceDuplicate(t -> t.replaceFirst(" ", "\t") + "\n"),
                        fixed(FixedLines.ID_NUMBER),
                        fixed(FixedLines.PII_CREDIT_CARD),
                        htmlDuplicate("<div class=\"gloss\">%s</div>", t -> t.contains("'")),
                        fixed(FixedLines.TEXT_OBJECT),
                        htmlSpare(
                                "<p>%2$s<br>see also"
                                        + " <a href=\"https://example.org/wordnet\">%1$s</a></p>"),
                        fixed(FixedLines.INVALID_UTF8),
                        this::exactDuplicate,
                        fixed(FixedLines.UNKNOWN_LABEL),
                        fixed(FixedLines.PII_COMBINED),
                        fixed(FixedLines.EMPTY_AFTER_HTML),
                        this::exactDuplicate);
        List<Synthetic> out = new ArrayList<>();
        for (int j = 0; j < makers.size(); j++) {
            out.add(makers.get(j).apply((j + 1) * sample.size() / (makers.size() + 1)));
        }
        return out;
    }

    private static IntFunction<Synthetic> fixed(FixedLines.Fixed line) {
        return after -> new Synthetic(after, line.render(), line.expected());
    }

    private Synthetic exactDuplicate(int after) {
        TextRecord original = original(after, t -> true);
        return duplicate(
                after,
                "duplicate-exact",
                original,
                original.text(),
                original.label(),
                "same text as " + original.id() + " under a new id");
    }

    private Synthetic otherLabelDuplicate(int after) {
        TextRecord original = original(after, t -> true);
        String label = original.label().equals("noun.food") ? "noun.plant" : "noun.food";
        return duplicate(
                after,
                "duplicate-exact-other-label",
                original,
                original.text(),
                label,
                "same text as " + original.id() + " with another label; dedup is by text alone");
    }

    private IntFunction<Synthetic> whitespaceDuplicate(UnaryOperator<String> f) {
        return after -> whitespaceDuplicate(after, f);
    }

    private Synthetic whitespaceDuplicate(int after, UnaryOperator<String> f) {
        TextRecord original = original(after, t -> t.contains(" "));
        return duplicate(
                after,
                "duplicate-whitespace",
                original,
                f.apply(original.text()),
                original.label(),
                "text of " + original.id() + " with extra whitespace; equal after collapsing it");
    }

    private IntFunction<Synthetic> htmlDuplicate(String template, Predicate<String> suitable) {
        return after -> htmlDuplicate(after, template, suitable);
    }

    private Synthetic htmlDuplicate(int after, String template, Predicate<String> suitable) {
        TextRecord original = original(after, t -> plain(t) && suitable.test(t));
        String html = String.format(template, original.text().replace("'", "&#39;"));
        return duplicate(
                after,
                "duplicate-html",
                original,
                html,
                original.label(),
                "text of " + original.id() + " wrapped in HTML; equal after HTML to text");
    }

    private Synthetic nfkcDuplicate(int after) {
        TextRecord original = original(after, t -> t.contains("fi"));
        return duplicate(
                after,
                "duplicate-nfkc",
                original,
                original.text().replaceFirst("fi", "\uFB01"),
                original.label(),
                "text of "
                        + original.id()
                        + " with the ligature U+FB01 for 'fi'; equal after NFKC");
    }

    private Synthetic upperCaseVariant(int after) {
        TextRecord original = original(after, t -> !t.equals(t.toUpperCase(Locale.ROOT)));
        return caseVariant(after, original, original.text().toUpperCase(Locale.ROOT));
    }

    private Synthetic capitalizedVariant(int after) {
        TextRecord original = original(after, t -> Character.isLowerCase(t.charAt(0)));
        String text = original.text();
        return caseVariant(
                after, original, Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    private Synthetic caseVariant(int after, TextRecord original, String text) {
        String id = nextId("case-variant");
        ExpectedOutcome expected =
                ExpectedOutcome.pass(
                                id,
                                "case-variant",
                                "text of "
                                        + original.id()
                                        + " in other letter case; a duplicate only with"
                                        + " normalize.lowercase on")
                        .withLowercaseDuplicateOf(original.id());
        return new Synthetic(
                after, FixedLines.record(id, text, original.label(), "case-variant"), expected);
    }

    private IntFunction<Synthetic> htmlSpare(String template) {
        return after -> htmlSpare(after, template);
    }

    private Synthetic htmlSpare(int after, String template) {
        TextRecord spare = spares.next();
        String id = nextId("html");
        String html = String.format(template, firstLemma(spare), spare.text());
        ExpectedOutcome expected =
                ExpectedOutcome.pass(
                        id, "html", "WordNet definition of " + spare.id() + " in HTML; tags go");
        return new Synthetic(after, FixedLines.record(id, html, spare.label(), "html"), expected);
    }

    private Synthetic duplicate(
            int after, String kind, TextRecord original, String text, String label, String note) {
        String id = nextId(kind);
        return new Synthetic(
                after,
                FixedLines.record(id, text, label, kind),
                ExpectedOutcome.duplicate(id, kind, original.id(), note));
    }

    /** The first unused, uniquely-texted record from the middle of the sample so far on. */
    private TextRecord original(int after, Predicate<String> suitable) {
        for (int i = after / 2; i < after; i++) {
            TextRecord candidate = sample.get(i);
            String text = candidate.text();
            if (!repeatedTexts.contains(text)
                    && suitable.test(text)
                    && usedOriginals.add(candidate.id())) {
                return candidate;
            }
        }
        throw new IllegalStateException("No suitable original before sample record " + after);
    }

    private String nextId(String kind) {
        return "sample-" + kind + "-" + kindCounts.merge(kind, 1, Integer::sum);
    }

    private static String firstLemma(TextRecord record) {
        return Json.fromString(record.meta(), WordNetMeta.class).lemmas().get(0);
    }

    private static boolean plain(String text) {
        return text.indexOf('<') < 0 && text.indexOf('>') < 0 && text.indexOf('&') < 0;
    }
}

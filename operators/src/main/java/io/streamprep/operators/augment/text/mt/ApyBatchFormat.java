package io.streamprep.operators.augment.text.mt;

import java.util.ArrayList;
import java.util.List;

/**
 * How the texts of several records share one APy {@code /translate} request, and how the answer is
 * cut back into one translation per text.
 *
 * <p>Texts are joined with numbered separators {@code <br id="sp-0">}, {@code <br id="sp-1">}, ...
 * APy's default HTML deformatter turns a {@code <br>} into an end of sentence (as it does at the
 * end of a request) and passes the tag through translation unchanged, so every text is tagged and
 * transferred exactly as if it had been sent alone, and the answer is cut at the same tags. Joining
 * with bare newlines would not do: a text without final punctuation then runs into the next one
 * (measured in BENCHMARKS.md: 280 of 600 translations changed).
 *
 * <p>{@link #split} accepts an answer only if every separator is there exactly once and in order;
 * otherwise it returns {@code null} and the caller must not guess which part belongs to which text.
 * Texts containing {@code <} are never batched ({@link #batchable}): they could open an HTML
 * comment or a script element that swallows the following texts and their separators.
 */
final class ApyBatchFormat {

    private static final String PREFIX = "<br id=\"sp-";

    private ApyBatchFormat() {}

    /** Whether {@code text} may share a request with other texts. */
    static boolean batchable(String text) {
        return text.indexOf('<') < 0;
    }

    /** Characters the separator after the {@code index}-th text adds to a request. */
    static int separatorLength(int index) {
        return separator(index).length();
    }

    /** The request text for {@code texts}, in order. */
    static String join(List<String> texts) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                joined.append(separator(i - 1));
            }
            joined.append(texts.get(i));
        }
        return joined.toString();
    }

    /**
     * The translations of the {@code count} joined texts, in order, or {@code null} if the answer
     * does not have exactly the {@code count - 1} separators in order.
     */
    static List<String> split(String answer, int count) {
        List<String> parts = new ArrayList<>(count);
        int from = 0;
        for (int i = 0; i < count - 1; i++) {
            String separator = separator(i);
            int at = answer.indexOf(separator, from);
            if (at < 0 || answer.substring(from, at).contains(PREFIX)) {
                return null;
            }
            parts.add(answer.substring(from, at));
            from = at + separator.length();
        }
        String last = answer.substring(from);
        if (last.contains(PREFIX)) {
            return null;
        }
        parts.add(last);
        return parts;
    }

    private static String separator(int index) {
        return PREFIX + index + "\">";
    }
}

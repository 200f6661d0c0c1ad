package io.streamprep.operators.normalize.pii;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the same candidates as {@link Matcher#find()}, but tries the pattern only at characters
 * that can start one: the skipping is a plain character loop, so text without such characters costs
 * almost nothing. Lookbehinds in the pattern still see the text before each start.
 */
final class CandidateScanner {

    /** The characters a candidate can start with. */
    interface Trigger {
        boolean test(char c);
    }

    private CandidateScanner() {}

    /** Calls {@code onMatch} for each candidate, in order, never overlapping. */
    static void scan(Pattern pattern, String text, Trigger trigger, Consumer<Matcher> onMatch) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (!trigger.test(text.charAt(i))) {
                i++;
                continue;
            }
            m.region(i, length);
            if (m.lookingAt()) {
                onMatch.accept(m);
                i = Math.max(m.end(), i + 1);
            } else {
                i++;
            }
        }
    }
}

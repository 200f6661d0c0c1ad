package io.streamprep.operators.augment.text;

import java.util.Locale;

/**
 * One whitespace-separated token split into leading punctuation, the word itself and trailing
 * punctuation, so that EDA operations change words and leave punctuation where it was.
 *
 * @param prefix leading characters that are neither letters nor digits
 * @param core the word; empty for a token of punctuation only
 * @param suffix trailing characters that are neither letters nor digits
 */
record Token(String prefix, String core, String suffix) {

    static Token parse(String token) {
        int start = 0;
        while (start < token.length() && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        int end = token.length();
        while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
            end--;
        }
        return new Token(
                token.substring(0, start), token.substring(start, end), token.substring(end));
    }

    /** A word worth looking up: at least one letter and no digits. */
    boolean isWord() {
        boolean letter = false;
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    String lower() {
        return core.toLowerCase(Locale.ROOT);
    }

    /** This token with its word replaced by {@code word}, written in this word's case. */
    Token replacedBy(String word) {
        return new Token(prefix, inCaseOf(core, word), suffix);
    }

    Token withCore(String newCore) {
        return new Token(prefix, newCore, suffix);
    }

    String text() {
        return prefix + core + suffix;
    }

    /** {@code word} in the case pattern of {@code model}: UPPER, Capitalized or lower. */
    static String inCaseOf(String model, String word) {
        if (model.length() > 1 && model.equals(model.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (!model.isEmpty() && Character.isUpperCase(model.charAt(0))) {
            return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }
        return lower;
    }
}

package io.streamprep.operators.normalize.pii;

/** Word-boundary tests shared by the detectors. */
final class WordChars {

    private WordChars() {}

    /** Letters, digits and marks of any script, and '_': what glues a token to its neighbour. */
    static boolean isWordChar(int codePoint) {
        if (codePoint == '_' || Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Whether the character before {@code index} is a word character. */
    static boolean wordCharBefore(String text, int index) {
        return index > 0 && isWordChar(text.codePointBefore(index));
    }

    /** Whether the character at {@code index} is a word character. */
    static boolean wordCharAt(String text, int index) {
        return index < text.length() && isWordChar(text.codePointAt(index));
    }
}

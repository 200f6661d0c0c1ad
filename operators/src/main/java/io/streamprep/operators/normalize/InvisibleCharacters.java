package io.streamprep.operators.normalize;

/**
 * Removes characters that carry no visible text: controls (Unicode category Cc) other than the
 * whitespace controls (tab, line feed, vertical tab, form feed, carriage return, next line), format
 * characters (Cf: soft hyphen, zero-width space, word joiner, byte-order mark, bidirectional
 * embeddings and isolates, invisible tag characters) and unpaired surrogates.
 *
 * <p>Two format characters are kept because scripts need them and dropping them changes the text:
 * ZERO WIDTH JOINER (U+200D, which binds emoji sequences such as family and profession emoji and
 * selects conjunct forms in Indic scripts) and ZERO WIDTH NON-JOINER (U+200C, which Persian and
 * other scripts need to spell words correctly). Tag characters (U+E0000 block) are removed even
 * though subdivision-flag emoji use them: they are invisible and a known channel for smuggling
 * hidden text; such a flag degrades to a plain black flag.
 *
 * <p>Stateless and thread-safe.
 */
public final class InvisibleCharacters {

    private static final char ZWNJ = '\u200C';
    private static final char ZWJ = '\u200D';

    private InvisibleCharacters() {}

    /** {@code text} without the removable characters; {@code text} itself if there are none. */
    public static String strip(String text) {
        int first = firstRemovable(text, 0);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        sb.append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (!isRemovable(cp)) {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb.toString();
    }

    /** Whether {@code codePoint} is removed (see the class comment). */
    public static boolean isRemovable(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
                return !isWhitespaceControl(codePoint);
            case Character.FORMAT:
                return codePoint != ZWJ && codePoint != ZWNJ;
            case Character.SURROGATE:
                return true;
            default:
                return false;
        }
    }

    private static boolean isWhitespaceControl(int codePoint) {
        return (codePoint >= '\t' && codePoint <= '\r') || codePoint == '\u0085';
    }

    private static int firstRemovable(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isRemovable(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }
}

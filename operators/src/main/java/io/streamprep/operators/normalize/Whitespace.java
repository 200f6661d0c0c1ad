package io.streamprep.operators.normalize;

/**
 * Collapses runs of Unicode {@code White_Space} characters (the regex class {@code
 * \p{IsWhite_Space}}: tab to carriage return, space, next line, no-break spaces, the U+2000 spaces,
 * line and paragraph separators, ideographic space) into one space.
 *
 * <p>Why not {@code Pattern.replaceAll}: every single space between two words is a match, so the
 * regex rebuilt every text word by word; it was a sixth of the source task's CPU in the benchmark's
 * profile. Here a text that has nothing to collapse is returned as is. All {@code White_Space}
 * characters are in the BMP, so no surrogate pair is ever split. Stateless.
 */
final class Whitespace {

    private Whitespace() {}

    /** {@code text} with every run of White_Space replaced by one space ({@code text} if none). */
    static String collapse(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWhiteSpace(c) && (c != ' ' || (i + 1 < n && isWhiteSpace(text.charAt(i + 1))))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(text, 0, i);
        boolean inRun = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (isWhiteSpace(c)) {
                if (!inRun) {
                    sb.append(' ');
                    inRun = true;
                }
            } else {
                sb.append(c);
                inRun = false;
            }
        }
        return sb.toString();
    }

    /** Whether {@code c} has the Unicode White_Space property (Unicode 15, as Java 17's regex). */
    static boolean isWhiteSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < '\u0085') {
            return false;
        }
        return c == '\u0085'
                || c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000';
    }
}

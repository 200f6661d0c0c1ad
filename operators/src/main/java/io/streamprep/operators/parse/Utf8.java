package io.streamprep.operators.parse;

/** UTF-8 arithmetic without encoding the string. */
final class Utf8 {

    private Utf8() {}

    /** The number of bytes the string takes in UTF-8 (unpaired surrogates count as '?', 1 byte). */
    static long encodedLength(CharSequence s) {
        long n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < len
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1;
            } else {
                n += 3;
            }
        }
        return n;
    }
}

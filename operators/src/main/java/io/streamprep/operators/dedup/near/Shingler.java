package io.streamprep.operators.dedup.near;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word n-gram shingles of a normalized text, the set whose Jaccard similarity near dedup estimates.
 *
 * <p>Words are maximal runs of Unicode letters and digits, lower-cased ({@link Locale#ROOT}), so
 * punctuation and letter case do not separate near duplicates. A text with fewer than {@code n}
 * words has one shingle of all its words; a text without any word has the whole text as its only
 * shingle. Pure and deterministic.
 */
public final class Shingler implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long SHINGLE_SEED = 0x9E3779B97F4A7C15L;

    private final int size;

    public Shingler(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("dedup.near.shingle-size must be at least 1");
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The words of the text as the shingler sees them. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(text.substring(start).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /**
     * {@link Hashing#hashChars} of each of {@link #words}, without building the words: an ASCII
     * word is lower-cased as it is hashed; any other goes through {@link String#toLowerCase}, whose
     * rules for some letters depend on their neighbours.
     */
    static long[] wordHashes(String text) {
        long[] hashes = new long[16];
        int n = 0;
        int start = -1;
        boolean ascii = true;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(cp);
            if (wordChar) {
                if (start < 0) {
                    start = i;
                    ascii = true;
                }
                ascii &= cp < 0x80;
            } else if (start >= 0) {
                if (n == hashes.length) {
                    hashes = Arrays.copyOf(hashes, n * 2);
                }
                hashes[n++] =
                        ascii
                                ? Hashing.hashAsciiLowerCase(text, start, i)
                                : Hashing.hashChars(
                                        text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return n == hashes.length ? hashes : Arrays.copyOf(hashes, n);
    }

    /** The shingles as strings (words joined by one space), with repeats; for ground truth. */
    public List<String> shingles(String text) {
        List<String> words = words(text);
        List<String> shingles = new ArrayList<>();
        if (words.isEmpty()) {
            shingles.add(text);
            return shingles;
        }
        int count = Math.max(1, words.size() - size + 1);
        for (int i = 0; i < count; i++) {
            shingles.add(String.join(" ", words.subList(i, Math.min(words.size(), i + size))));
        }
        return shingles;
    }

    /**
     * 64-bit hashes of the shingles, with repeats; equal shingles give equal hashes on every JVM.
     */
    public long[] shingleHashes(String text) {
        long[] wordHashes = wordHashes(text);
        if (wordHashes.length == 0) {
            return new long[] {Hashing.hashChars(text)};
        }
        int count = Math.max(1, wordHashes.length - size + 1);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            long h = SHINGLE_SEED;
            int end = Math.min(wordHashes.length, i + size);
            for (int j = i; j < end; j++) {
                h = Hashing.mix64(h + wordHashes[j]);
            }
            hashes[i] = h;
        }
        return hashes;
    }
}

package io.streamprep.operators.dedup.near;

/** Fast 64-bit hashing that is the same on every JVM (FNV-1a plus the MurmurHash3 finalizer). */
final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {}

    /**
     * MurmurHash3's 64-bit finalizer: a bijection that mixes every input bit into every output bit.
     */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** FNV-1a over the UTF-16 code units, then mixed. */
    static long hashChars(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h = (h ^ (c & 0xFF)) * FNV_PRIME;
            h = (h ^ (c >>> 8)) * FNV_PRIME;
        }
        return mix64(h);
    }

    /**
     * {@link #hashChars} of {@code s.substring(from, to).toLowerCase(Locale.ROOT)}, for a range of
     * ASCII characters only, without building either string.
     */
    static long hashAsciiLowerCase(String s, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            h = (h ^ c) * FNV_PRIME;
            h *= FNV_PRIME; // the high byte of an ASCII character is 0: h ^ 0 == h
        }
        return mix64(h);
    }

    /** FNV-1a over a byte range, seeded, then mixed. */
    static long hashBytes(long seed, byte[] bytes, int from, int to) {
        long h = FNV_OFFSET ^ mix64(seed);
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * FNV_PRIME;
        }
        return mix64(h);
    }
}

package io.streamprep.operators.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Hashes that are the same on every JVM, run and parallelism: the basis of split assignment,
 * fingerprints and seeded randomness. Never use {@code String.hashCode()} or {@code Random} without
 * a seed from here for anything that reaches the output.
 */
public final class StableHash {

    private static final ThreadLocal<MessageDigest> SHA256 =
            ThreadLocal.withInitial(StableHash::newSha256);

    private StableHash() {}

    /**
     * A 64-bit hash of the seed and the parts, each part length-prefixed so ("ab","c") !=
     * ("a","bc").
     */
    public static long hash64(long seed, String... parts) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        updateLong(digest, seed);
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            updateLong(digest, bytes.length);
            digest.update(bytes);
        }
        byte[] out = digest.digest();
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (out[i] & 0xFF);
        }
        return h;
    }

    /** A uniform double in [0, 1) from the seed and the parts. */
    public static double unitInterval(long seed, String... parts) {
        return (hash64(seed, parts) >>> 11) * 0x1.0p-53;
    }

    /**
     * A random generator seeded from (seed, record id, variant), as every random choice must be.
     */
    public static SplittableRandom random(long seed, String recordId, int variant) {
        return new SplittableRandom(hash64(seed, recordId, Integer.toString(variant)));
    }

    /** Hex SHA-256 of the text's UTF-8 bytes, cut to 128 bits: the exact-duplicate fingerprint. */
    public static String fingerprint(String text) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        byte[] out = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(out, 0, 16);
    }

    /** Hex SHA-256 of the bytes, cut to 128 bits (e.g. the fingerprint of decoded pixels). */
    public static String fingerprint(byte[] bytes) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        byte[] out = digest.digest(bytes);
        return HexFormat.of().formatHex(out, 0, 16);
    }

    private static void updateLong(MessageDigest digest, long v) {
        for (int i = 7; i >= 0; i--) {
            digest.update((byte) (v >>> (8 * i)));
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}

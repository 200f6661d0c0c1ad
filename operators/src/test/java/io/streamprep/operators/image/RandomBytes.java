package io.streamprep.operators.image;

import java.util.SplittableRandom;

/** Seeded random pixel bytes (or a garbage destination) for the SIMD-against-scalar tests. */
public final class RandomBytes {

    private RandomBytes() {}

    public static byte[] of(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}

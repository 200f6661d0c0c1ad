package io.streamprep.operators.dedup.near;

/**
 * A transparent model for operator tests: a signature is a few bytes, band {@code i} is byte {@code
 * i}, and the similarity is the fraction of equal bytes; duplicates from 0.5 up.
 */
final class TestingNearDuplicateModel implements NearDuplicateModel {

    private static final long serialVersionUID = 1L;

    static byte[] sig(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Override
    public long[] bandKeys(byte[] signature) {
        long[] keys = new long[signature.length];
        for (int i = 0; i < signature.length; i++) {
            keys[i] = i * 256L + (signature[i] & 0xFF);
        }
        return keys;
    }

    @Override
    public double similarity(byte[] a, byte[] b) {
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    @Override
    public boolean isDuplicate(double similarity) {
        return similarity >= 0.5;
    }
}

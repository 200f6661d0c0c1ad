package io.streamprep.operators.dedup.near;

/**
 * A set of {@code (key, value)} pairs of primitive longs, looked up by key: open addressing with
 * linear probing on the key's hash, so all values of a key lie in one run of slots, and
 * backward-shift deletion, so there are no tombstones. At most half full: 34–68 bytes per pair,
 * against over 100 for a state entry holding a {@code long[]} per key. Not thread-safe.
 */
final class LongPairSet {

    private static final long[] NONE = new long[0];
    private static final int MIN_CAPACITY = 16;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private long[] values;
    private boolean[] used;
    private int shift;
    private int size;

    LongPairSet() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    /** Adds the pair; {@code false} if it was there already. */
    boolean add(long key, long value) {
        // at most half full: every remove and lookup scans a whole run of slots, and runs grow
        // quickly with the load under linear probing (a profile showed removes at two thirds full
        // costing more than adds and lookups together)
        if ((size + 1) * 2L > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key && values[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        size++;
        return true;
    }

    /** Removes the pair; {@code false} if it was not there. */
    boolean remove(long key, long value) {
        int mask = keys.length - 1;
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key && values[i] == value) {
                deleteAt(i);
                size--;
                if (keys.length > MIN_CAPACITY && size * 8L < keys.length) {
                    rehash(keys.length / 2);
                }
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /**
     * The values paired with {@code key}, in no particular order; a new array (or an empty one).
     */
    long[] values(long key) {
        int mask = keys.length - 1;
        long[] found = NONE;
        int n = 0;
        for (int i = slot(key); used[i]; i = (i + 1) & mask) {
            if (keys[i] == key) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, Math.max(4, n * 2));
                }
                found[n++] = values[i];
            }
        }
        return n == found.length ? found : java.util.Arrays.copyOf(found, n);
    }

    private int slot(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /**
     * Empties slot {@code hole} and moves later entries of the run back into it where their home
     * slot allows, so that every entry stays reachable from its home slot without gaps.
     */
    private void deleteAt(int hole) {
        int mask = keys.length - 1;
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (!used[i]) {
                break;
            }
            int home = slot(keys[i]);
            boolean homeBetween = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!homeBetween) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        used[hole] = false;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        long[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = slot(oldKeys[j]);
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        used = new boolean[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }
}

package io.streamprep.operators.fields;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Counts of a categorical or boolean field over its vocabulary plus the unknown bucket (index 0),
 * so memory is bounded by the vocabulary. The mode breaks ties by vocabulary order.
 */
public final class CategoryCounts {

    private final long[] counts;

    public CategoryCounts(int vocabularySize) {
        counts = new long[vocabularySize + 1];
    }

    /** Counts one value by its category id (0 = unknown). */
    public void add(int id) {
        counts[id]++;
    }

    public void merge(CategoryCounts other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    public long count(int id) {
        return counts[id];
    }

    /** Number of buckets: the vocabulary plus the unknown bucket. */
    public int size() {
        return counts.length;
    }

    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** The most frequent known category, or null when none was seen. */
    public String mode(List<String> vocabulary) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > (best == 0 ? 0 : counts[best])) {
                best = i;
            }
        }
        return best == 0 ? null : vocabulary.get(best - 1);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(counts.length);
        for (long c : counts) {
            out.writeLong(c);
        }
    }

    static CategoryCounts read(DataInputStream in) throws IOException {
        int n = in.readInt();
        CategoryCounts c = new CategoryCounts(n - 1);
        for (int i = 0; i < n; i++) {
            c.counts[i] = in.readLong();
        }
        return c;
    }
}

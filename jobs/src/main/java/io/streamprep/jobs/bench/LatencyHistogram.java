package io.streamprep.jobs.bench;

/**
 * Latencies in whole milliseconds, counted in a fixed array allocated up front, so that recording
 * them does not itself grow the heap the soak watches. Latencies above {@value #MAX_MS} ms count as
 * {@value #MAX_MS}. Written by one thread; read after that thread has stopped.
 */
final class LatencyHistogram {

    static final int MAX_MS = 600_000;

    private final long[] counts = new long[MAX_MS + 1];
    private long total;
    private long max = -1;

    void record(long millis) {
        int bucket = (int) Math.max(0, Math.min(MAX_MS, millis));
        counts[bucket]++;
        total++;
        max = Math.max(max, bucket);
    }

    long count() {
        return total;
    }

    /** The smallest latency with at least a fraction {@code q} of all at or below it. */
    Long percentile(double q) {
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int ms = 0; ms < counts.length; ms++) {
            seen += counts[ms];
            if (seen >= rank) {
                return (long) ms;
            }
        }
        return max;
    }

    Long max() {
        return total == 0 ? null : max;
    }
}

package io.streamprep.jobs.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Per second of sending, how many measured records there were, how many took longer than the
 * latency target, and the longest latency: where in a paced run the tail comes from (periodic
 * checkpoints show as regular bad seconds, a pipeline that cannot keep up as a rising trend).
 * Arrays are allocated up front, so recording does not grow the heap a soak watches; records sent
 * after the last second count in it. Written by one thread; read after that thread has stopped.
 */
final class LatencyTimeline {

    private final long from;
    private final long overMillis;
    private final long[] records;
    private final long[] over;
    private final long[] max;
    private int last = -1;

    /**
     * @param from epoch ms of second 0
     * @param seconds seconds to keep
     * @param overMillis latencies above this count as over the target
     */
    LatencyTimeline(long from, int seconds, long overMillis) {
        this.from = from;
        this.overMillis = overMillis;
        int n = Math.max(1, seconds);
        this.records = new long[n];
        this.over = new long[n];
        this.max = new long[n];
    }

    void record(long sentAt, long millis) {
        int s = (int) Math.max(0, Math.min(records.length - 1, (sentAt - from) / 1000));
        records[s]++;
        if (millis > overMillis) {
            over[s]++;
        }
        max[s] = Math.max(max[s], millis);
        last = Math.max(last, s);
    }

    /** (second, records, records over the target, max ms) for every second up to the last seen. */
    List<long[]> seconds() {
        List<long[]> rows = new ArrayList<>();
        for (int s = 0; s <= last; s++) {
            rows.add(new long[] {s, records[s], over[s], max[s]});
        }
        return rows;
    }
}

package io.streamprep.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Samples the used heap of this JVM (where the embedded Flink runs) every {@value #PERIOD_MS} ms on
 * a daemon thread and keeps the peak. The peak includes garbage not yet collected, so it is an
 * upper bound of what the pipeline needs, not its live set.
 */
final class HeapSampler implements AutoCloseable {

    private static final long PERIOD_MS = 100;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        thread = new Thread(this::loop, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static long usedNow() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Used heap right after a full GC: the live set. */
    static long usedAfterGc() {
        System.gc();
        return usedNow();
    }

    /**
     * The heap that a full GC left in use: what each heap pool held right after its last
     * collection. Unlike {@link #usedAfterGc}, not inflated by the young regions that running
     * threads claim between the GC and the reading (G1 counts a claimed region as used whole);
     * falls back to it where a pool does not report its collections.
     */
    static long liveAfterFullGc() {
        System.gc();
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc == null) {
                    return usedNow();
                }
                live += afterGc.getUsed();
            }
        }
        return live;
    }

    long peakBytes() {
        return Math.max(peak, usedNow());
    }

    private void loop() {
        while (running) {
            peak = Math.max(peak, usedNow());
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}

package io.streamprep.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

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

package io.streamprep.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the CPU time used so far by this JVM (where the embedded Flink runs) and, when known, by
 * the broker process, every {@value #PERIOD_MS} ms, so that the CPU spent inside any wall-clock
 * window measured afterwards (such as the span in which a phase wrote its output) can be read off
 * by interpolation.
 *
 * <p>CPU time, unlike wall time, hardly depends on what else the machine runs, so records per
 * CPU-second compare phases fairly on a shared machine. It counts every thread: task threads, Kafka
 * clients, checkpointing, GC and the JIT compiler.
 */
final class CpuSampler implements AutoCloseable {

    private static final long PERIOD_MS = 100;

    /** Linux reports /proc/PID/stat times in USER_HZ, which is 100 on every Linux ABI. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long brokerPid;
    private final List<long[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param brokerPid the broker's process id, or -1 if the broker is not ours to measure
     */
    CpuSampler(long brokerPid) {
        this.brokerPid = brokerPid;
        sample();
        thread = new Thread(this::loop, "bench-cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    boolean countsBroker() {
        return brokerPid > 0;
    }

    /** CPU seconds spent between two wall-clock instants (epoch ms) inside the sampled span. */
    synchronized double cpuSecondsBetween(long fromMillis, long toMillis) {
        return (cpuAt(toMillis) - cpuAt(fromMillis)) / 1e9;
    }

    private double cpuAt(long millis) {
        long[] before = samples.get(0);
        for (long[] sample : samples) {
            if (sample[0] >= millis) {
                if (sample[0] == before[0]) {
                    return sample[1];
                }
                double f = (double) (millis - before[0]) / (sample[0] - before[0]);
                return before[1] + f * (sample[1] - before[1]);
            }
            before = sample;
        }
        return before[1];
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private synchronized void sample() {
        samples.add(new long[] {System.currentTimeMillis(), jvmCpuNanos() + brokerCpuNanos()});
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long brokerCpuNanos() {
        if (brokerPid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(brokerPid), "stat"));
            // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        sample();
    }
}

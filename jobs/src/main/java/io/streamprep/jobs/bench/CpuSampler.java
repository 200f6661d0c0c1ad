package io.streamprep.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Samples the CPU time used so far by this JVM (where the embedded Flink runs) and, when known, by
 * the broker process, every {@value #PERIOD_MS} ms, so that the CPU spent inside any wall-clock
 * window measured afterwards (such as the span in which a phase wrote its output) can be read off
 * by interpolation.
 *
 * <p>CPU time, unlike wall time, hardly depends on what else the machine runs, so records per
 * CPU-second compare phases fairly on a shared machine. It counts every thread: task threads, Kafka
 * clients, checkpointing, GC and the JIT compiler. The JIT compiler threads' share is also sampled
 * on its own (Linux only, from {@code /proc/self/task}; zero elsewhere): the warm-up repeats until
 * that share falls below 8 %; after a single warm-up run it was still 15–25 % of the measured
 * phase, with the pipeline's hot methods still waiting for C2.
 */
final class CpuSampler implements AutoCloseable {

    private static final long PERIOD_MS = 100;

    /** Linux reports /proc/PID/stat times in USER_HZ, which is 100 on every Linux ABI. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** Compiler threads are found again this often; they come and go with the JIT's load. */
    private static final int RESCAN_EVERY = 10;

    private static final Path TASKS = Path.of("/proc/self/task");

    private final long brokerPid;
    private final List<long[]> samples = new ArrayList<>();
    private final Map<String, Long> compilerTicks = new HashMap<>();
    private int sampleCount;
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
        return (valueAt(toMillis, 1) - valueAt(fromMillis, 1)) / 1e9;
    }

    /** Of {@link #cpuSecondsBetween}, the CPU seconds of this JVM's JIT compiler threads. */
    synchronized double jitSecondsBetween(long fromMillis, long toMillis) {
        return (valueAt(toMillis, 2) - valueAt(fromMillis, 2)) / 1e9;
    }

    private double valueAt(long millis, int column) {
        long[] before = samples.get(0);
        for (long[] sample : samples) {
            if (sample[0] >= millis) {
                if (sample[0] == before[0]) {
                    return sample[column];
                }
                double f = (double) (millis - before[0]) / (sample[0] - before[0]);
                return before[column] + f * (sample[column] - before[column]);
            }
            before = sample;
        }
        return before[column];
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
        samples.add(
                new long[] {
                    System.currentTimeMillis(), jvmCpuNanos() + brokerCpuNanos(), compilerCpuNanos()
                });
    }

    /**
     * CPU of the compiler threads seen so far; a thread that has exited keeps its last reading, so
     * the sum never goes back.
     */
    private long compilerCpuNanos() {
        if (sampleCount++ % RESCAN_EVERY == 0) {
            try (Stream<Path> tasks = Files.list(TASKS)) {
                tasks.forEach(
                        task -> {
                            String tid = task.getFileName().toString();
                            if (!compilerTicks.containsKey(tid) && isCompiler(task)) {
                                compilerTicks.put(tid, 0L);
                            }
                        });
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
        long ticks = 0;
        for (Map.Entry<String, Long> e : compilerTicks.entrySet()) {
            long now = ticks(TASKS.resolve(e.getKey()).resolve("stat"));
            if (now > e.getValue()) {
                e.setValue(now);
            }
            ticks += e.getValue();
        }
        return ticks * NANOS_PER_TICK;
    }

    private static boolean isCompiler(Path task) {
        try {
            return Files.readString(task.resolve("comm")).contains("CompilerThre");
        } catch (IOException e) {
            return false;
        }
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
        return ticks(Path.of("/proc", Long.toString(brokerPid), "stat")) * NANOS_PER_TICK;
    }

    /** utime + stime of a /proc stat file, in ticks; 0 if it cannot be read (process gone). */
    private static long ticks(Path stat) {
        try {
            String text = Files.readString(stat);
            // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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

package io.streamprep.jobs.runtime.checkpoint;

import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A byte budget per second shared by every checkpoint stream of one process: each writer charges
 * what it wrote and then waits until the budget has caught up with it.
 *
 * <p>Charging after the write (rather than before) lets an idle process start a snapshot at once;
 * from then on the writers together never run ahead of the rate by more than one charge each. A
 * writer interrupted while it waits (Flink cancels the asynchronous part of an aborted checkpoint
 * that way) gets an {@link InterruptedIOException} and keeps its interrupt flag.
 */
final class WriteRateLimiter {

    /** One limiter per rate and process: all subtasks of a TaskManager share its budget. */
    private static final Map<Long, WriteRateLimiter> SHARED = new ConcurrentHashMap<>();

    private final double nanosPerByte;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final AtomicLong charged = new AtomicLong();

    /** When the budget is free again, on {@link #nanoClock}. Guarded by {@code this}. */
    private long freeAt = Long.MIN_VALUE;

    WriteRateLimiter(long bytesPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException(
                    "write rate must be positive, got " + bytesPerSecond + " bytes/s");
        }
        this.nanosPerByte = TimeUnit.SECONDS.toNanos(1) / (double) bytesPerSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** The limiter of this process for {@code bytesPerSecond}. */
    static WriteRateLimiter shared(long bytesPerSecond) {
        return SHARED.computeIfAbsent(
                bytesPerSecond,
                rate -> new WriteRateLimiter(rate, System::nanoTime, TimeUnit.NANOSECONDS::sleep));
    }

    /** Charges {@code bytes} just written and waits until the rate allows them. */
    void charge(long bytes) throws InterruptedIOException {
        if (bytes <= 0) {
            return;
        }
        charged.addAndGet(bytes);
        long wait = reserve(bytes);
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted =
                        new InterruptedIOException("interrupted while pacing a checkpoint write");
                interrupted.initCause(e);
                throw interrupted;
            }
        }
    }

    /** All bytes charged so far: how much checkpoint data went through this limiter. */
    long bytesCharged() {
        return charged.get();
    }

    /** Books {@code bytes} into the budget; returns how long the writer must wait, in nanos. */
    private synchronized long reserve(long bytes) {
        long now = nanoClock.getAsLong();
        long start = freeAt == Long.MIN_VALUE || freeAt - now < 0 ? now : freeAt;
        freeAt = start + (long) Math.ceil(bytes * nanosPerByte);
        return freeAt - now;
    }

    /** How a writer waits; a test substitutes one that only advances its clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }
}

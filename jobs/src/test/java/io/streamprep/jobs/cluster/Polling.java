package io.streamprep.jobs.cluster;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Waits, with a bound, for a condition on something that must be probed (a REST resource, a
 * consumer group): the probe runs every {@value #INTERVAL_MS} ms on a scheduler until its value
 * satisfies the condition, the probe throws, or the time is up.
 */
final class Polling {

    private static final long INTERVAL_MS = 250;

    private Polling() {}

    /**
     * Returns the first probed value that satisfies {@code done}.
     *
     * @throws AssertionError if none does within {@code timeout} (naming {@code what} and the last
     *     value) or the probe throws
     */
    static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<T> done) {
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "polling"));
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<T> last = new AtomicReference<>();
        ScheduledFuture<?> task =
                scheduler.scheduleWithFixedDelay(
                        () -> {
                            try {
                                T value = probe.call();
                                last.set(value);
                                if (done.test(value)) {
                                    result.complete(value);
                                }
                            } catch (Exception | AssertionError e) {
                                result.completeExceptionally(e);
                            }
                        },
                        0,
                        INTERVAL_MS,
                        TimeUnit.MILLISECONDS);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    what
                            + ": not reached within "
                            + timeout.toSeconds()
                            + " s; last: "
                            + last.get());
        } catch (ExecutionException e) {
            throw new AssertionError(what + ": probe failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        } finally {
            task.cancel(true);
            scheduler.shutdownNow();
        }
    }
}

package io.streamprep.operators.augment.text.mt;

/**
 * Stops calling a server that keeps failing: after {@code threshold} consecutive failures it opens
 * for {@code cooldownNanos}, then lets a single trial through (half-open); the trial's success
 * closes it, its failure opens it again. Thread-safe. Time is passed in (nanoTime), so it is
 * testable without sleeping.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long cooldownNanos;
    private int consecutiveFailures;
    private long openUntil;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, long cooldownNanos) {
        if (threshold <= 0) {
            throw new IllegalArgumentException("threshold must be > 0, but is " + threshold);
        }
        this.threshold = threshold;
        this.cooldownNanos = cooldownNanos;
    }

    /** Whether a call may go to the server now. */
    public synchronized boolean allow(long now) {
        if (consecutiveFailures < threshold) {
            return true;
        }
        if (!trialInFlight && now - openUntil >= 0) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure(long now) {
        consecutiveFailures++;
        trialInFlight = false;
        if (consecutiveFailures >= threshold) {
            openUntil = now + cooldownNanos;
        }
    }

    /** Whether calls are currently refused. */
    public synchronized boolean isOpen(long now) {
        return consecutiveFailures >= threshold && (trialInFlight || now - openUntil < 0);
    }
}

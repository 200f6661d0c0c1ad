package io.streamprep.operators.dedup;

import io.streamprep.schemas.records.TextEvent;
import java.io.Serializable;
import java.time.Duration;
import java.util.Comparator;

/**
 * The rule of windowed exact deduplication, independent of Flink.
 *
 * <p>Records with the same fingerprint are considered in (event time, id) order. A record is a
 * duplicate when the latest kept record is at most {@code window} earlier in event time (a tie in
 * time with a smaller id counts as earlier); otherwise it is kept. So among copies within a window,
 * the first by (event time, id) wins, whatever order they arrive in.
 */
public final class ExactDedupPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The order in which copies are judged: event time, then id. */
    public static final Comparator<TextEvent> ORDER =
            Comparator.comparingLong(TextEvent::eventTime).thenComparing(TextEvent::id);

    private final long windowMillis;

    public ExactDedupPolicy(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("dedup.exact.window must not be negative");
        }
        this.windowMillis = window.toMillis();
    }

    public long windowMillis() {
        return windowMillis;
    }

    /**
     * Whether a record arriving in order (no earlier than {@code kept}) duplicates the kept one.
     */
    public boolean isDuplicate(KeptRecord kept, long eventTime) {
        return kept != null && eventTime - kept.eventTime() <= windowMillis;
    }

    /**
     * Whether a late record (possibly earlier than {@code kept}) duplicates the kept one: within
     * the window on either side. Conservative, so a late copy never yields two kept records in a
     * window.
     */
    public boolean isLateDuplicate(KeptRecord kept, long eventTime) {
        return kept != null && Math.abs(eventTime - kept.eventTime()) <= windowMillis;
    }

    /** The event time after which the kept record can no longer have duplicates. */
    public long expiry(KeptRecord kept) {
        return kept.eventTime() + windowMillis;
    }
}

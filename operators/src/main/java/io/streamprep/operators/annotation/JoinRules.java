package io.streamprep.operators.annotation;

import io.streamprep.schemas.records.ModelFeedback;
import io.streamprep.schemas.serde.Json;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The event-time rules of the annotation join: when a held record is requested, re-requested and
 * expires. Pure, so the rules are tested without Flink.
 *
 * @param votesRequired votes that complete a record
 * @param timeoutMillis event time a record is held (and an unmatched label or feedback kept)
 * @param windowMillis the request queue's window
 */
public record JoinRules(int votesRequired, long timeoutMillis, long windowMillis)
        implements Serializable {

    /** Orders feedback with the same time, so the same one wins whatever the arrival order. */
    static final Comparator<ModelFeedback> FEEDBACK_ORDER =
            (a, b) -> Arrays.compare(a.probabilities(), b.probabilities());

    public JoinRules {
        if (votesRequired < 1) {
            throw new IllegalArgumentException("annotation.votes-required must be at least 1");
        }
        if (timeoutMillis <= 0 || windowMillis <= 0) {
            throw new IllegalArgumentException("annotation timeout and window must be positive");
        }
    }

    public static JoinRules of(int votesRequired, Duration timeout, Duration window) {
        return new JoinRules(votesRequired, timeout.toMillis(), window.toMillis());
    }

    public long expiresAt(long eventTime) {
        return eventTime + timeoutMillis;
    }

    /** The time a record (or feedback) at {@code eventTime} is (re)queued: its window's end. */
    public long requestAt(long eventTime) {
        return EventTimeWindows.lastMillis(eventTime, windowMillis);
    }

    public long firstRequestAt(long recordTime) {
        return requestAt(recordTime);
    }

    public long windowOf(long time) {
        return EventTimeWindows.start(time, windowMillis);
    }

    /**
     * Which request a timer at {@code time} emits for a record held since {@code recordTime}: 0 at
     * the record's own window end, n at the end of the n-th later window holding feedback, -1 if
     * none is due then.
     */
    public int roundAt(long time, long recordTime, Iterable<Long> feedbackTimes) {
        long first = firstRequestAt(recordTime);
        if (time == first) {
            return 0;
        }
        TreeSet<Long> later = new TreeSet<>();
        for (long ts : feedbackTimes) {
            long at = requestAt(ts);
            if (at > first && at <= time) {
                later.add(at);
            }
        }
        return later.contains(time) ? later.size() : -1;
    }

    /** The votes of an item as a JSON object text: voter to vote, null for abstain. */
    static String votesJson(VotedEvent item) {
        TreeMap<String, String> byVoter = new TreeMap<>();
        for (int i = 0; i < item.voters().length; i++) {
            byVoter.put(item.voters()[i], item.votes()[i]);
        }
        return Json.toString(byVoter);
    }
}

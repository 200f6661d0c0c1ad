package io.streamprep.operators.dedup.near;

import java.util.Objects;

/**
 * Where a representative lives in the near-dedup index: band lists hold these, and the
 * representative itself is stored under its event time.
 *
 * @param eventTime the representative's event time
 * @param id the representative's record id
 */
public record MemberRef(long eventTime, String id) {

    public MemberRef {
        Objects.requireNonNull(id, "id");
    }

    /** Judging order: event time, then id. */
    boolean isBefore(MemberRef other) {
        return eventTime < other.eventTime
                || (eventTime == other.eventTime && id.compareTo(other.id) < 0);
    }
}

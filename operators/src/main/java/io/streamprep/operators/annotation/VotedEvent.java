package io.streamprep.operators.annotation;

import io.streamprep.schemas.records.TextEvent;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record with the votes cast for it, on its way to a label model.
 *
 * @param event the record
 * @param voters the sources of the votes: labelling-function names or annotators
 * @param votes one per voter, {@code null} for abstain
 * @param time the event time the votes are judged at: the record's event time for labelling
 *     functions, the completion time for human votes; it picks the label model's window
 */
public record VotedEvent(TextEvent event, String[] voters, String[] votes, long time) {

    public VotedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(voters, "voters");
        Objects.requireNonNull(votes, "votes");
        if (voters.length != votes.length) {
            throw new IllegalArgumentException("one vote per voter");
        }
    }

    public String id() {
        return event.id();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VotedEvent v
                && time == v.time
                && event.equals(v.event)
                && Arrays.equals(voters, v.voters)
                && Arrays.equals(votes, v.votes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, time, Arrays.hashCode(votes));
    }

    @Override
    public String toString() {
        return "VotedEvent{id=" + id() + ", votes=" + Arrays.toString(votes) + "}";
    }
}

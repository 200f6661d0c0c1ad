package io.streamprep.schemas.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text record on its way through the pipeline: the parsed record plus what later stages need.
 *
 * <p>It carries the original bytes so that a record rejected by any later stage can still be
 * dead-lettered exactly as it arrived.
 *
 * @param record the parsed (and, after normalization, cleaned) record
 * @param eventTime event time in epoch millis: {@code ts} if present, else the source timestamp,
 *     else 0
 * @param position where the record came from (see {@link RawRecord#position()})
 * @param original the record's original bytes
 * @param fingerprint hex fingerprint of the normalized text, or {@code null} before normalization
 */
public record TextEvent(
        TextRecord record, long eventTime, String position, byte[] original, String fingerprint) {

    public TextEvent {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(original, "original");
    }

    public String id() {
        return record.id();
    }

    public String text() {
        return record.text();
    }

    public TextEvent withNormalized(String text, String newFingerprint) {
        return new TextEvent(record.withText(text), eventTime, position, original, newFingerprint);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextEvent e
                && eventTime == e.eventTime
                && record.equals(e.record)
                && position.equals(e.position)
                && Arrays.equals(original, e.original)
                && Objects.equals(fingerprint, e.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(record, eventTime, position, Arrays.hashCode(original), fingerprint);
    }

    @Override
    public String toString() {
        return "TextEvent{id="
                + record.id()
                + ", eventTime="
                + eventTime
                + ", position="
                + position
                + "}";
    }
}

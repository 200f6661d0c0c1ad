package io.streamprep.schemas.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record exactly as a source delivered it: the undecoded bytes and where they came from.
 *
 * <p>Sources never decode or validate; that is the parse stage's job, so that every rejected record
 * can be dead-lettered with its original bytes.
 *
 * @param value the record's bytes, possibly cut to the source's size limit
 * @param originalLength the length of the record before any cut; larger than {@code value.length}
 *     only when the source truncated an oversized record
 * @param position where the record came from, e.g. {@code file:/data/in.jsonl:17} or {@code
 *     kafka:topic-0@42}
 * @param sourceTimestamp the source's own timestamp (Kafka record time), or {@link #NO_TIMESTAMP}
 */
public record RawRecord(byte[] value, long originalLength, String position, long sourceTimestamp) {

    /** Marker for sources without a timestamp of their own, such as files. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    public RawRecord {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }

    /** A record that was not cut and has no source timestamp. */
    public static RawRecord of(byte[] value, String position) {
        return new RawRecord(value, value.length, position, NO_TIMESTAMP);
    }

    public boolean truncated() {
        return originalLength > value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRecord r
                && originalLength == r.originalLength
                && sourceTimestamp == r.sourceTimestamp
                && Arrays.equals(value, r.value)
                && position.equals(r.position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), originalLength, position, sourceTimestamp);
    }

    @Override
    public String toString() {
        return "RawRecord{position=" + position + ", bytes=" + value.length + "}";
    }
}

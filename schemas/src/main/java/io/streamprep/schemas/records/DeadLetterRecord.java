package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A rejected input record ({@code schemas/dead-letter-record.schema.json}): why, where, and its
 * original bytes, so it can be inspected, fixed and replayed.
 *
 * @param reason a {@link RejectReason} code
 * @param message a human-readable explanation naming the offending field
 * @param stage the pipeline stage that rejected it ({@code parse}, {@code normalize}, ...)
 * @param id the record's id if it could be read, else {@code null}
 * @param position the source position of the record
 * @param original the record's original bytes (base64 in JSON), possibly cut to the source's size
 *     limit for {@code record_too_large}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"reason", "message", "stage", "id", "position", "original"})
public record DeadLetterRecord(
        @JsonProperty("reason") String reason,
        @JsonProperty("message") String message,
        @JsonProperty("stage") String stage,
        @JsonProperty("id") String id,
        @JsonProperty("position") String position,
        @JsonProperty("original") byte[] original) {

    public DeadLetterRecord {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(original, "original");
    }

    /** A dead letter for a record that had been parsed, keeping its id. */
    public static DeadLetterRecord of(
            RejectReason reason, String message, String stage, TextEvent event) {
        return new DeadLetterRecord(
                reason.code(), message, stage, event.id(), event.position(), event.original());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetterRecord r
                && reason.equals(r.reason)
                && message.equals(r.message)
                && stage.equals(r.stage)
                && Objects.equals(id, r.id)
                && position.equals(r.position)
                && Arrays.equals(original, r.original);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, message, stage, id, position, Arrays.hashCode(original));
    }

    @Override
    public String toString() {
        return "DeadLetterRecord{reason="
                + reason
                + ", stage="
                + stage
                + ", id="
                + id
                + ", position="
                + position
                + ", message="
                + message
                + "}";
    }
}

package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A held record that left the annotation loop without a label, or a human label nobody asked for
 * ({@code schemas/annotation-expired.schema.json}).
 *
 * @param id the record's id
 * @param reason {@value #TIMEOUT}: no vote within annotation.timeout; {@value #NO_AGREEMENT}: the
 *     annotators tied or agreed less than annotation.min-agreement; {@value #ORPHAN_LABEL}: a label
 *     for an id that was not held
 * @param votes the number of human votes the record had
 * @param eventTime the record's (or, for an orphan label, the label's) event time
 * @param expiredAt the event time at which it expired
 * @param text the record's normalized text, or {@code null} for orphan labels
 * @param annotator for orphan labels, who sent it
 * @param label for orphan labels, the label sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "reason",
    "votes",
    "event_time",
    "expired_at",
    "text",
    "annotator",
    "label"
})
public record ExpiredAnnotation(
        @JsonProperty("id") String id,
        @JsonProperty("reason") String reason,
        @JsonProperty("votes") int votes,
        @JsonProperty("event_time") long eventTime,
        @JsonProperty("expired_at") long expiredAt,
        @JsonProperty("text") String text,
        @JsonProperty("annotator") String annotator,
        @JsonProperty("label") String label) {

    public static final String TIMEOUT = "timeout";
    public static final String NO_AGREEMENT = "no_agreement";
    public static final String ORPHAN_LABEL = "orphan_label";

    public ExpiredAnnotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
    }
}

package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.streamprep.schemas.serde.RawJsonDeserializer;
import java.util.Objects;

/**
 * A request for human labels ({@code schemas/annotation-request.schema.json}). The record itself is
 * held by the pipeline until enough labels arrive or it times out.
 *
 * @param id the held record's id; labels must name it
 * @param text the normalized text to label
 * @param eventTime the record's event time
 * @param window start of the event-time window whose queue the request was ranked in
 * @param rank 1 for the most uncertain request of its window, 2, ...
 * @param round 0 for the first request, 1.. when model feedback re-scored the record later
 * @param votes the labelling functions' votes as a JSON object (function name to label, null for
 *     abstain); {@code {}} without weak supervision
 * @param suggestedLabel the label model's best guess, or {@code null}
 * @param confidence the label model's confidence in it (0 without votes)
 * @param entropy normalized entropy (0..1) of the scoring distribution
 * @param margin gap between its two largest probabilities (0..1)
 * @param scoredBy {@code votes} (label model) or {@code model} (the latest model feedback)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "text",
    "event_time",
    "window",
    "rank",
    "round",
    "votes",
    "suggested_label",
    "confidence",
    "entropy",
    "margin",
    "scored_by"
})
public record AnnotationRequest(
        @JsonProperty("id") String id,
        @JsonProperty("text") String text,
        @JsonProperty("event_time") long eventTime,
        @JsonProperty("window") long window,
        @JsonProperty("rank") int rank,
        @JsonProperty("round") int round,
        @JsonProperty("votes") @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class)
                String votes,
        @JsonProperty("suggested_label") String suggestedLabel,
        @JsonProperty("confidence") double confidence,
        @JsonProperty("entropy") double entropy,
        @JsonProperty("margin") double margin,
        @JsonProperty("scored_by") String scoredBy) {

    public static final String BY_VOTES = "votes";
    public static final String BY_MODEL = "model";

    public AnnotationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(votes, "votes");
        Objects.requireNonNull(scoredBy, "scoredBy");
    }

    /** This request with its rank in the window's queue. */
    public AnnotationRequest withRank(int newRank) {
        return new AnnotationRequest(
                id,
                text,
                eventTime,
                window,
                newRank,
                round,
                votes,
                suggestedLabel,
                confidence,
                entropy,
                margin,
                scoredBy);
    }
}

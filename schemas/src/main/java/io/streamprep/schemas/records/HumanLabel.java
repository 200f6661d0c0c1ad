package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One annotator's label for a held record ({@code schemas/human-label.schema.json}), read from the
 * labels topic or file.
 *
 * @param id the id of the record it labels
 * @param label the label given
 * @param annotator who gave it; only an annotator's first vote (by {@code ts}, then label) counts
 * @param ts event time of the vote in epoch millis
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "label", "annotator", "ts"})
public record HumanLabel(
        @JsonProperty("id") String id,
        @JsonProperty("label") String label,
        @JsonProperty("annotator") String annotator,
        @JsonProperty("ts") long ts) {

    public HumanLabel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(annotator, "annotator");
    }
}

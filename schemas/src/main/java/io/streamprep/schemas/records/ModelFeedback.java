package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The training loop's class probabilities for a record ({@code
 * schemas/model-feedback.schema.json}), read from the model-feedback topic or file. Used to
 * re-score held records for active learning.
 *
 * @param id the record's id
 * @param probabilities the model's class probabilities (any order; they are normalized)
 * @param ts event time in epoch millis
 */
@JsonPropertyOrder({"id", "probabilities", "ts"})
public record ModelFeedback(
        @JsonProperty("id") String id,
        @JsonProperty("probabilities") double[] probabilities,
        @JsonProperty("ts") long ts) {

    public ModelFeedback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(probabilities, "probabilities");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelFeedback f
                && ts == f.ts
                && id.equals(f.id)
                && Arrays.equals(probabilities, f.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ts, Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "ModelFeedback{id="
                + id
                + ", p="
                + Arrays.toString(probabilities)
                + ", ts="
                + ts
                + "}";
    }
}

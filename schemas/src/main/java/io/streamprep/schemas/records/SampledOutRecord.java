package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A labelled record that class balancing left out of the training output because its class was
 * above its target share in the record's pane ({@code schemas/sampled-out-record.schema.json}).
 *
 * @param id the record's id
 * @param label its class
 * @param eventTime its event time (epoch ms)
 * @param paneStart start of the event-time pane it was decided in (inclusive, epoch ms)
 * @param paneEnd end of that pane (exclusive, epoch ms)
 * @param kept how many records of the class the pane kept
 * @param of how many records of the class the pane had
 */
@JsonPropertyOrder({"id", "label", "event_time", "pane_start", "pane_end", "kept", "of"})
public record SampledOutRecord(
        @JsonProperty("id") String id,
        @JsonProperty("label") String label,
        @JsonProperty("event_time") long eventTime,
        @JsonProperty("pane_start") long paneStart,
        @JsonProperty("pane_end") long paneEnd,
        @JsonProperty("kept") long kept,
        @JsonProperty("of") long of) {

    public SampledOutRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}

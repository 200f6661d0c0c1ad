package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.streamprep.schemas.serde.RawJsonDeserializer;
import java.util.Objects;

/**
 * The input text record ({@code schemas/text-record.schema.json}).
 *
 * @param id stable, non-empty identifier; decides the split and seeds every random choice
 * @param ts event time in epoch milliseconds, or {@code null} to use the source's timestamp
 * @param text the raw text, possibly HTML
 * @param label the class label, or {@code null} for unlabelled records
 * @param meta an arbitrary JSON object kept as its JSON text (so Flink never needs Kryo for it), or
 *     {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "ts", "text", "label", "meta"})
public record TextRecord(
        @JsonProperty("id") String id,
        @JsonProperty("ts") Long ts,
        @JsonProperty("text") String text,
        @JsonProperty("label") String label,
        @JsonProperty("meta") @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class)
                String meta) {

    public TextRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    public TextRecord withText(String newText) {
        return new TextRecord(id, ts, newText, label, meta);
    }

    public TextRecord withLabel(String newLabel) {
        return new TextRecord(id, ts, text, newLabel, meta);
    }
}

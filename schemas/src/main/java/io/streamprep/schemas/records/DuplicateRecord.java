package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A record dropped as a duplicate ({@code schemas/duplicate-record.schema.json}).
 *
 * @param id the dropped record's id
 * @param duplicateOf the id of the record that was kept
 * @param kind {@code exact} (same normalized text) or {@code near}
 * @param similarity 1.0 for exact duplicates, the estimated Jaccard similarity for near ones
 */
@JsonPropertyOrder({"id", "duplicate_of", "kind", "similarity"})
public record DuplicateRecord(
        @JsonProperty("id") String id,
        @JsonProperty("duplicate_of") String duplicateOf,
        @JsonProperty("kind") String kind,
        @JsonProperty("similarity") double similarity) {

    public static final String EXACT = "exact";
    public static final String NEAR = "near";

    public DuplicateRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        Objects.requireNonNull(kind, "kind");
    }
}

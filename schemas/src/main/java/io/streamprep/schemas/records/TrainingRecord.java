package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.streamprep.schemas.serde.RawJsonDeserializer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One training-ready example ({@code schemas/training-record.schema.json}).
 *
 * @param id {@code <source_id>#<variant>#<window>}, unique per output record
 * @param sourceId the id of the input record it came from
 * @param variant 0 for the original text, 1.. for augmented variants
 * @param window 0 for the first token window, 1.. for overflow windows of long texts
 * @param split {@code train}, {@code validation} or {@code test}
 * @param label the class label, or {@code null} for unlabelled records
 * @param labelId the label's index in the configured label list, or -1 when unlabelled
 * @param inputIds token ids
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param tokenTypeIds segment ids, or {@code null} when the tokenizer has none or they are disabled
 * @param text the normalized text, or {@code null} when not included in the output
 * @param augmentations for augmented variants, the operations applied with their parameters (JSON
 *     array); absent for originals
 * @param features processed structured fields (JSON object), or absent
 * @param labelConfidence confidence of a label assigned by weak supervision or annotators; absent
 *     when the label came with the record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "source_id",
    "variant",
    "window",
    "split",
    "label",
    "label_id",
    "input_ids",
    "attention_mask",
    "token_type_ids",
    "text",
    "augmentations",
    "features",
    "label_confidence"
})
public record TrainingRecord(
        @JsonProperty("id") String id,
        @JsonProperty("source_id") String sourceId,
        @JsonProperty("variant") int variant,
        @JsonProperty("window") int window,
        @JsonProperty("split") String split,
        @JsonProperty("label") String label,
        @JsonProperty("label_id") int labelId,
        @JsonProperty("input_ids") int[] inputIds,
        @JsonProperty("attention_mask") int[] attentionMask,
        @JsonProperty("token_type_ids") int[] tokenTypeIds,
        @JsonProperty("text") String text,
        @JsonProperty("augmentations")
                @JsonRawValue
                @JsonDeserialize(using = RawJsonDeserializer.class)
                String augmentations,
        @JsonProperty("features") @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class)
                String features,
        @JsonProperty("label_confidence") Double labelConfidence) {

    public TrainingRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(inputIds, "inputIds");
        Objects.requireNonNull(attentionMask, "attentionMask");
    }

    /** A record without augmentation, features or label confidence. */
    public TrainingRecord(
            String id,
            String sourceId,
            int variant,
            int window,
            String split,
            String label,
            int labelId,
            int[] inputIds,
            int[] attentionMask,
            int[] tokenTypeIds,
            String text) {
        this(
                id,
                sourceId,
                variant,
                window,
                split,
                label,
                labelId,
                inputIds,
                attentionMask,
                tokenTypeIds,
                text,
                null,
                null,
                null);
    }

    /** The output id for a variant and window of a source record. */
    public static String idOf(String sourceId, int variant, int window) {
        return sourceId + "#" + variant + "#" + window;
    }

    /** Number of real (non-padding) tokens. */
    public int tokenCount() {
        int n = 0;
        for (int m : attentionMask) {
            n += m;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingRecord r
                && variant == r.variant
                && window == r.window
                && labelId == r.labelId
                && id.equals(r.id)
                && sourceId.equals(r.sourceId)
                && split.equals(r.split)
                && Objects.equals(label, r.label)
                && Arrays.equals(inputIds, r.inputIds)
                && Arrays.equals(attentionMask, r.attentionMask)
                && Arrays.equals(tokenTypeIds, r.tokenTypeIds)
                && Objects.equals(text, r.text)
                && Objects.equals(augmentations, r.augmentations)
                && Objects.equals(features, r.features)
                && Objects.equals(labelConfidence, r.labelConfidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, split, label, labelId, Arrays.hashCode(inputIds), text);
    }

    @Override
    public String toString() {
        return "TrainingRecord{id="
                + id
                + ", split="
                + split
                + ", label="
                + label
                + ", tokens="
                + inputIds.length
                + "}";
    }
}

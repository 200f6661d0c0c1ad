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
 * One training-ready image ({@code schemas/image-training-record.schema.json}).
 *
 * @param id {@code <source_id>#<variant>}, unique per output record
 * @param sourceId the id of the input record
 * @param variant 0 for the original, 1.. for augmented variants
 * @param split {@code train}, {@code validation} or {@code test}
 * @param label the class label, or {@code null}
 * @param labelId the label's index in {@code labels.list}, or -1
 * @param encoding {@code raw} (uint8 pixels) or {@code png}
 * @param layout {@code HWC} (row-major, height, width, channel), always RGB
 * @param shape {@code [height, width, channels]}
 * @param pixels uint8 pixels in {@link #layout} (raw) or PNG bytes; base64 in JSON
 * @param mean per-channel mean (R, G, B) on the [0, 1] scale, to normalize with
 * @param std per-channel standard deviation (R, G, B) on the [0, 1] scale
 * @param tensor optional float32 CHW tensor {@code (x / 255 - mean) / std}, little-endian, base64
 * @param caption the caption, or {@code null}
 * @param inputIds the caption's token ids (first window), or {@code null} without caption
 * @param attentionMask the caption's attention mask, or {@code null} without caption
 * @param augmentations for variants, the operations applied with their parameters (JSON array)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "source_id",
    "variant",
    "split",
    "label",
    "label_id",
    "encoding",
    "layout",
    "shape",
    "pixels",
    "mean",
    "std",
    "tensor",
    "caption",
    "input_ids",
    "attention_mask",
    "augmentations"
})
public record ImageTrainingRecord(
        @JsonProperty("id") String id,
        @JsonProperty("source_id") String sourceId,
        @JsonProperty("variant") int variant,
        @JsonProperty("split") String split,
        @JsonProperty("label") String label,
        @JsonProperty("label_id") int labelId,
        @JsonProperty("encoding") String encoding,
        @JsonProperty("layout") String layout,
        @JsonProperty("shape") int[] shape,
        @JsonProperty("pixels") byte[] pixels,
        @JsonProperty("mean") double[] mean,
        @JsonProperty("std") double[] std,
        @JsonProperty("tensor") byte[] tensor,
        @JsonProperty("caption") String caption,
        @JsonProperty("input_ids") int[] inputIds,
        @JsonProperty("attention_mask") int[] attentionMask,
        @JsonProperty("augmentations")
                @JsonRawValue
                @JsonDeserialize(using = RawJsonDeserializer.class)
                String augmentations) {

    public static final String RAW = "raw";
    public static final String PNG = "png";
    public static final String HWC = "HWC";

    public ImageTrainingRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(pixels, "pixels");
    }

    /** The output id of a variant of a source record. */
    public static String idOf(String sourceId, int variant) {
        return sourceId + "#" + variant;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageTrainingRecord r
                && variant == r.variant
                && labelId == r.labelId
                && id.equals(r.id)
                && sourceId.equals(r.sourceId)
                && split.equals(r.split)
                && Objects.equals(label, r.label)
                && Objects.equals(encoding, r.encoding)
                && Objects.equals(layout, r.layout)
                && Arrays.equals(shape, r.shape)
                && Arrays.equals(pixels, r.pixels)
                && Arrays.equals(mean, r.mean)
                && Arrays.equals(std, r.std)
                && Arrays.equals(tensor, r.tensor)
                && Objects.equals(caption, r.caption)
                && Arrays.equals(inputIds, r.inputIds)
                && Arrays.equals(attentionMask, r.attentionMask)
                && Objects.equals(augmentations, r.augmentations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, split, label, Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "ImageTrainingRecord{id="
                + id
                + ", split="
                + split
                + ", shape="
                + Arrays.toString(shape)
                + "}";
    }
}

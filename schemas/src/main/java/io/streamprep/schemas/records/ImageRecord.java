package io.streamprep.schemas.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.streamprep.schemas.serde.RawJsonDeserializer;
import java.util.Objects;

/**
 * The input image record ({@code schemas/image-record.schema.json}) of the image pipeline.
 *
 * @param id stable, non-empty identifier
 * @param ts event time in epoch millis, or {@code null}
 * @param image the image, inline or by reference
 * @param caption an optional caption
 * @param label an optional class label
 * @param meta an arbitrary JSON object as JSON text, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "ts", "image", "caption", "label", "meta"})
public record ImageRecord(
        @JsonProperty("id") String id,
        @JsonProperty("ts") Long ts,
        @JsonProperty("image") Image image,
        @JsonProperty("caption") String caption,
        @JsonProperty("label") String label,
        @JsonProperty("meta") @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class)
                String meta) {

    public ImageRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
    }

    /**
     * The image itself: exactly one of inline bytes or a URI.
     *
     * @param bytes the encoded image (PNG, JPEG, ...), base64 in JSON
     * @param uri where to read the image from
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"bytes", "uri"})
    public record Image(@JsonProperty("bytes") byte[] bytes, @JsonProperty("uri") String uri) {}
}

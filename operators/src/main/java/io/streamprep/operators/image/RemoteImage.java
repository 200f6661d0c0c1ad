package io.streamprep.operators.image;

import io.streamprep.schemas.records.RawRecord;
import java.util.Objects;

/**
 * A record whose image is at an {@code http(s)} URI and must be fetched before it can be parsed.
 *
 * @param raw the record as it arrived (parsed again once the bytes are there)
 * @param id the record's id
 * @param uri the image URI
 */
public record RemoteImage(RawRecord raw, String id, String uri) {

    public RemoteImage {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
    }
}

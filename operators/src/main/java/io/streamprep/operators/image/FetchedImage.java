package io.streamprep.operators.image;

import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.RejectReason;
import java.util.Arrays;
import java.util.Objects;

/**
 * The result of fetching a {@link RemoteImage}: the bytes, or why they could not be had.
 *
 * @param raw the record as it arrived
 * @param id the record's id
 * @param bytes the fetched body, or {@code null} on failure
 * @param reason the reject reason code on failure ({@code image_unreadable}, {@code
 *     image_too_large}), else {@code null}
 * @param message what went wrong, else {@code null}
 */
public record FetchedImage(RawRecord raw, String id, byte[] bytes, String reason, String message) {

    public FetchedImage {
        Objects.requireNonNull(raw, "raw");
        if ((bytes == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of bytes and reason");
        }
    }

    static FetchedImage ok(RemoteImage remote, byte[] bytes) {
        return new FetchedImage(remote.raw(), remote.id(), bytes, null, null);
    }

    static FetchedImage failed(RemoteImage remote, RejectReason reason, String message) {
        return new FetchedImage(remote.raw(), remote.id(), null, reason.code(), message);
    }

    public boolean isOk() {
        return bytes != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FetchedImage f
                && raw.equals(f.raw)
                && Objects.equals(id, f.id)
                && Arrays.equals(bytes, f.bytes)
                && Objects.equals(reason, f.reason)
                && Objects.equals(message, f.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, id, Arrays.hashCode(bytes), reason, message);
    }

    @Override
    public String toString() {
        return "FetchedImage{"
                + id
                + (isOk() ? ", " + bytes.length + " bytes" : ", " + reason)
                + "}";
    }
}

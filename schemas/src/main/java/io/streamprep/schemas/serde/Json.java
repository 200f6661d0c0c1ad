package io.streamprep.schemas.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration every record passes through.
 *
 * <p>Output is deterministic: fields are written in the order the records declare, map keys sorted,
 * no pretty-printing, so the same record always serializes to the same bytes.
 */
public final class Json {

    /** Shared, thread-safe mapper. Never reconfigure it after class initialization. */
    public static final ObjectMapper MAPPER = create();

    private Json() {}

    private static ObjectMapper create() {
        JsonMapper mapper =
                JsonMapper.builder()
                        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
        // The text size limit is enforced by the parse stage with a clear reason code; Jackson's
        // own
        // default string limit (20 MB) must not reject records first with a generic error.
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder()
                                .maxStringLength(Integer.MAX_VALUE)
                                .maxNestingDepth(1000)
                                .build());
        return mapper;
    }

    /** Serializes a record to its compact JSON bytes (UTF-8). */
    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serializes a record to its compact JSON text. */
    public static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a record of the given type; for trusted input such as our own output files. */
    public static <T> T fromBytes(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a record of the given type from JSON text. */
    public static <T> T fromString(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

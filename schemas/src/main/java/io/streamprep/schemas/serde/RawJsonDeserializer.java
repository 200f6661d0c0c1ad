package io.streamprep.schemas.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Reads any JSON value and keeps it as its compact JSON text; pairs with {@code @JsonRawValue}. */
public final class RawJsonDeserializer extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        return node == null || node.isNull() ? null : Json.MAPPER.writeValueAsString(node);
    }

    @Override
    public String getNullValue(DeserializationContext ctxt) {
        return null;
    }
}

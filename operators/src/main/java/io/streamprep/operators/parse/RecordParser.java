package io.streamprep.operators.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw bytes into a validated {@link TextEvent}, or into a {@link DeadLetterRecord} with one
 * specific {@link RejectReason}. Never throws for any input bytes.
 *
 * <p>Checks, in order: size cut by the source, UTF-8, JSON, object, {@code id}, {@code text}, text
 * size, {@code ts}, {@code label}, {@code meta}. Unknown fields are ignored. The event time is
 * {@code ts} when present, else the source's timestamp, else 0 (see {@link EventTimes}).
 *
 * <p>Not thread-safe (it reuses a UTF-8 decoder); use one instance per task.
 */
public final class RecordParser {

    public static final String STAGE = "parse";

    private static final ObjectReader READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ParserSettings settings;
    private final LabelIndex labels;
    private final CharsetDecoder utf8 =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);

    public RecordParser(ParserSettings settings) {
        this.settings = settings;
        this.labels = new LabelIndex(settings.labels());
    }

    public ParseOutcome parse(RawRecord raw) {
        if (raw.truncated()) {
            return reject(
                    raw,
                    null,
                    RejectReason.RECORD_TOO_LARGE,
                    "record has "
                            + raw.originalLength()
                            + " bytes, more than the source limit of "
                            + raw.value().length
                            + " (source.max-record-bytes); original cut to the limit");
        }
        String invalidUtf8 = checkUtf8(raw.value());
        if (invalidUtf8 != null) {
            return reject(raw, null, RejectReason.INVALID_UTF8, invalidUtf8);
        }
        JsonNode root;
        try {
            root = READER.readTree(raw.value());
        } catch (JsonProcessingException e) {
            return reject(raw, null, RejectReason.NOT_JSON, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return reject(raw, null, RejectReason.NOT_JSON, "not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return reject(raw, null, RejectReason.NOT_JSON, "not JSON: no content");
        }
        if (!root.isObject()) {
            return reject(
                    raw,
                    null,
                    RejectReason.NOT_OBJECT,
                    "expected a JSON object, got " + describe(root));
        }
        return parseObject(raw, root);
    }

    private ParseOutcome parseObject(RawRecord raw, JsonNode root) {
        JsonNode idNode = root.get("id");
        if (idNode == null || idNode.isNull()) {
            return reject(raw, null, RejectReason.MISSING_ID, "field 'id' is missing");
        }
        if (!idNode.isTextual()) {
            return wrongType(raw, null, "id", "a string", idNode);
        }
        String id = idNode.textValue();
        if (id.isBlank()) {
            return reject(raw, null, RejectReason.EMPTY_ID, "field 'id' is empty");
        }

        JsonNode textNode = root.get("text");
        if (textNode == null || textNode.isNull()) {
            return reject(raw, id, RejectReason.MISSING_TEXT, "field 'text' is missing");
        }
        if (!textNode.isTextual()) {
            return wrongType(raw, id, "text", "a string", textNode);
        }
        String text = textNode.textValue();
        if (text.isEmpty()) {
            return reject(raw, id, RejectReason.EMPTY_TEXT, "field 'text' is empty");
        }
        long textBytes = Utf8.encodedLength(text);
        if (textBytes > settings.maxTextBytes()) {
            return reject(
                    raw,
                    id,
                    RejectReason.TEXT_TOO_LARGE,
                    "field 'text' has "
                            + textBytes
                            + " bytes, more than validate.max-text-bytes = "
                            + settings.maxTextBytes());
        }

        JsonNode tsNode = root.get("ts");
        Long ts = null;
        if (tsNode != null && !tsNode.isNull()) {
            if (!EventTimes.isValidTs(tsNode)) {
                return wrongType(
                        raw, id, "ts", "an integer epoch-millis timestamp in [0, 10^15)", tsNode);
            }
            ts = tsNode.longValue();
        }

        JsonNode labelNode = root.get("label");
        String label = null;
        if (labelNode != null && !labelNode.isNull()) {
            if (!labelNode.isTextual()) {
                return wrongType(raw, id, "label", "a string", labelNode);
            }
            label = labelNode.textValue();
            if (!labels.accepts(label)) {
                return reject(
                        raw,
                        id,
                        RejectReason.UNKNOWN_LABEL,
                        "label '" + label + "' is not in labels.list");
            }
        } else if (settings.labelRequired()) {
            return reject(
                    raw,
                    id,
                    RejectReason.MISSING_LABEL,
                    "field 'label' is missing and labels.required is set");
        }

        JsonNode metaNode = root.get("meta");
        String meta = null;
        if (metaNode != null && !metaNode.isNull()) {
            if (!metaNode.isObject()) {
                return wrongType(raw, id, "meta", "an object", metaNode);
            }
            meta = metaNode.toString();
        }

        long eventTime = EventTimes.eventTime(ts, raw.sourceTimestamp());
        TextRecord record = new TextRecord(id, ts, text, label, meta);
        return ParseOutcome.accepted(
                new TextEvent(record, eventTime, raw.position(), raw.value(), null));
    }

    private String checkUtf8(byte[] bytes) {
        try {
            utf8.reset().decode(ByteBuffer.wrap(bytes));
            return null;
        } catch (CharacterCodingException e) {
            return "bytes are not valid UTF-8 (" + e.getMessage() + ")";
        }
    }

    private static ParseOutcome wrongType(
            RawRecord raw, String id, String field, String expected, JsonNode actual) {
        return reject(
                raw,
                id,
                RejectReason.WRONG_TYPE,
                "field '" + field + "' must be " + expected + ", got " + describe(actual));
    }

    private static ParseOutcome reject(
            RawRecord raw, String id, RejectReason reason, String message) {
        return ParseOutcome.rejected(
                new DeadLetterRecord(
                        reason.code(), message, STAGE, id, raw.position(), raw.value()));
    }

    private static String describe(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        if (node.isValueNode()) {
            String value = node.toString();
            return type + " " + (value.length() > 40 ? value.substring(0, 40) + "..." : value);
        }
        return type;
    }
}

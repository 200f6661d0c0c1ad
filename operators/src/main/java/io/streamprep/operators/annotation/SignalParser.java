package io.streamprep.operators.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.HumanLabel;
import io.streamprep.schemas.records.ModelFeedback;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.serde.Json;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses a human label ({@code {id, label, annotator, ts}}) or model feedback ({@code {id,
 * probabilities, ts}}) from raw bytes. Never throws: anything invalid becomes a dead letter with
 * the existing reason codes ({@code invalid_utf8}, {@code not_json}, {@code not_object}, {@code
 * missing_id}/{@code empty_id}, {@code missing_label}, {@code wrong_type}, naming the field), stage
 * {@code labels} or {@code feedback}.
 */
public final class SignalParser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which input the bytes came from. */
    public enum Kind {
        LABEL("labels"),
        FEEDBACK("feedback");

        private final String stage;

        Kind(String stage) {
            this.stage = stage;
        }

        public String stage() {
            return stage;
        }
    }

    /**
     * The outcome: a signal or a dead letter.
     *
     * @param signal the parsed signal, or {@code null}
     * @param rejection the dead letter, or {@code null}
     */
    public record Outcome(AnnotationSignal signal, DeadLetterRecord rejection) {}

    private final Kind kind;

    public SignalParser(Kind kind) {
        this.kind = kind;
    }

    public Outcome parse(RawRecord raw) {
        if (raw.truncated()) {
            return reject(raw, null, RejectReason.RECORD_TOO_LARGE, "record too large");
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.value()));
        } catch (CharacterCodingException e) {
            return reject(raw, null, RejectReason.INVALID_UTF8, "not valid UTF-8");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw.value());
        } catch (Exception e) {
            return reject(raw, null, RejectReason.NOT_JSON, "not JSON");
        }
        if (node == null || !node.isObject()) {
            return reject(raw, null, RejectReason.NOT_OBJECT, "not a JSON object");
        }
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return reject(raw, null, RejectReason.MISSING_ID, "no id");
        }
        if (!id.isTextual()) {
            return reject(raw, null, RejectReason.WRONG_TYPE, "id must be a string");
        }
        if (id.asText().isBlank()) {
            return reject(raw, null, RejectReason.EMPTY_ID, "blank id");
        }
        String recordId = id.asText();
        JsonNode ts = node.get("ts");
        long time;
        if (ts == null || ts.isNull()) {
            if (raw.sourceTimestamp() == RawRecord.NO_TIMESTAMP) {
                return reject(raw, recordId, RejectReason.WRONG_TYPE, "ts is required");
            }
            time = raw.sourceTimestamp();
        } else if (!ts.canConvertToLong() || !ts.isIntegralNumber()) {
            return reject(raw, recordId, RejectReason.WRONG_TYPE, "ts must be an integer");
        } else {
            time = ts.asLong();
        }
        return kind == Kind.LABEL
                ? label(raw, node, recordId, time)
                : feedback(raw, node, recordId, time);
    }

    private Outcome label(RawRecord raw, JsonNode node, String id, long ts) {
        JsonNode label = node.get("label");
        if (label == null || label.isNull() || (label.isTextual() && label.asText().isBlank())) {
            return reject(raw, id, RejectReason.MISSING_LABEL, "no label");
        }
        JsonNode annotator = node.get("annotator");
        if (!label.isTextual()) {
            return reject(raw, id, RejectReason.WRONG_TYPE, "label must be a string");
        }
        if (annotator == null || !annotator.isTextual() || annotator.asText().isBlank()) {
            return reject(raw, id, RejectReason.WRONG_TYPE, "annotator must be a non-empty string");
        }
        return new Outcome(
                AnnotationSignal.of(new HumanLabel(id, label.asText(), annotator.asText(), ts)),
                null);
    }

    private Outcome feedback(RawRecord raw, JsonNode node, String id, long ts) {
        JsonNode p = node.get("probabilities");
        if (p == null || !p.isArray() || p.isEmpty()) {
            return reject(
                    raw, id, RejectReason.WRONG_TYPE, "probabilities must be a non-empty array");
        }
        double[] probabilities = new double[p.size()];
        for (int i = 0; i < probabilities.length; i++) {
            JsonNode x = p.get(i);
            if (!x.isNumber() || x.asDouble() < 0 || !Double.isFinite(x.asDouble())) {
                return reject(
                        raw,
                        id,
                        RejectReason.WRONG_TYPE,
                        "probabilities must be non-negative numbers");
            }
            probabilities[i] = x.asDouble();
        }
        return new Outcome(AnnotationSignal.of(new ModelFeedback(id, probabilities, ts)), null);
    }

    private Outcome reject(RawRecord raw, String id, RejectReason reason, String message) {
        return new Outcome(
                null,
                new DeadLetterRecord(
                        reason.code(),
                        kind.stage() + ": " + message,
                        kind.stage(),
                        id,
                        raw.position(),
                        raw.value()));
    }
}

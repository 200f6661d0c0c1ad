package io.streamprep.operators.normalize;

import io.streamprep.operators.normalize.pii.PiiType;
import io.streamprep.operators.normalize.pii.Redaction;
import io.streamprep.schemas.records.RejectReason;
import java.util.Objects;

/**
 * What {@link TextNormalizer#normalize} made of a text: either the normalized text with the number
 * of redactions per {@link PiiType}, or the reason and a message why the record must be
 * dead-lettered.
 */
public final class NormalizationResult {

    private final String text;
    private final RejectReason reason;
    private final String message;
    private final Redaction redaction;

    private NormalizationResult(
            String text, RejectReason reason, String message, Redaction redaction) {
        this.text = text;
        this.reason = reason;
        this.message = message;
        this.redaction = redaction;
    }

    static NormalizationResult accepted(String text, Redaction redaction) {
        return new NormalizationResult(
                Objects.requireNonNull(text), null, null, Objects.requireNonNull(redaction));
    }

    static NormalizationResult rejected(RejectReason reason, String message) {
        return new NormalizationResult(
                null, Objects.requireNonNull(reason), Objects.requireNonNull(message), null);
    }

    public boolean isAccepted() {
        return text != null;
    }

    /**
     * @throws IllegalStateException if the text was rejected
     */
    public String text() {
        if (text == null) {
            throw new IllegalStateException("rejected: " + reason.code());
        }
        return text;
    }

    /**
     * @throws IllegalStateException if the text was accepted
     */
    public RejectReason reason() {
        if (reason == null) {
            throw new IllegalStateException("accepted, no reject reason");
        }
        return reason;
    }

    /**
     * @throws IllegalStateException if the text was accepted
     */
    public String message() {
        if (message == null) {
            throw new IllegalStateException("accepted, no reject message");
        }
        return message;
    }

    /** Redactions of this type in the accepted text; 0 for a rejected one. */
    public int piiCount(PiiType type) {
        return redaction == null ? 0 : redaction.count(type);
    }

    @Override
    public String toString() {
        return isAccepted()
                ? "NormalizationResult{accepted}"
                : "NormalizationResult{" + reason.code() + ": " + message + "}";
    }
}

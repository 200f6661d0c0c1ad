package io.streamprep.operators.fields;

import io.streamprep.schemas.records.RejectReason;

/**
 * What {@link FieldProcessor} made of one record: the features JSON, or a reject reason and a
 * message naming the field.
 *
 * @param features the features JSON object text, or null when rejected
 * @param reason the reject reason, or null when accepted
 * @param message the reject message, or null when accepted
 * @param imputed number of imputed fields
 * @param outliers number of fields flagged as outliers
 */
public record FieldOutcome(
        String features, RejectReason reason, String message, int imputed, int outliers) {

    static FieldOutcome reject(RejectReason reason, String message) {
        return new FieldOutcome(null, reason, message, 0, 0);
    }

    public boolean isAccepted() {
        return reason == null;
    }
}

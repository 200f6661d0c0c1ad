package io.streamprep.operators.image;

import io.streamprep.schemas.records.RejectReason;

/** Why an image cannot be used: a reject reason and a message for the dead-letter record. */
public final class ImageRejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    public ImageRejection(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}

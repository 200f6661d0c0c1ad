package io.streamprep.operators.image;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.ImageEvent;

/** Either a parsed image event or the dead letter explaining its rejection; never both. */
public record ImageParseOutcome(ImageEvent event, DeadLetterRecord rejection) {

    static ImageParseOutcome accepted(ImageEvent event) {
        return new ImageParseOutcome(event, null);
    }

    static ImageParseOutcome rejected(DeadLetterRecord rejection) {
        return new ImageParseOutcome(null, rejection);
    }

    public boolean isAccepted() {
        return event != null;
    }
}

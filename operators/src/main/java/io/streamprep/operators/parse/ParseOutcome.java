package io.streamprep.operators.parse;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.TextEvent;

/** Either a parsed record or the dead letter that explains why it was rejected; never both. */
public record ParseOutcome(TextEvent event, DeadLetterRecord rejection) {

    static ParseOutcome accepted(TextEvent event) {
        return new ParseOutcome(event, null);
    }

    static ParseOutcome rejected(DeadLetterRecord rejection) {
        return new ParseOutcome(null, rejection);
    }

    public boolean isAccepted() {
        return event != null;
    }
}

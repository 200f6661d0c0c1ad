package io.streamprep.operators.image;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.ImageEvent;

/**
 * Exactly one of: a parsed image event, the dead letter explaining its rejection, or (when HTTP
 * fetching is on) a record whose image must first be fetched from its {@code http(s)} URI.
 */
public record ImageParseOutcome(ImageEvent event, DeadLetterRecord rejection, RemoteImage remote) {

    static ImageParseOutcome accepted(ImageEvent event) {
        return new ImageParseOutcome(event, null, null);
    }

    static ImageParseOutcome rejected(DeadLetterRecord rejection) {
        return new ImageParseOutcome(null, rejection, null);
    }

    static ImageParseOutcome toFetch(RemoteImage remote) {
        return new ImageParseOutcome(null, null, remote);
    }

    public boolean isAccepted() {
        return event != null;
    }

    public boolean isRemote() {
        return remote != null;
    }
}

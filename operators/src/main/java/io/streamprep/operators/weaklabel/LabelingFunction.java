package io.streamprep.operators.weaklabel;

import java.io.Serializable;

/**
 * A labelling function: a cheap heuristic that votes a label for a text or abstains. Functions are
 * pure and deterministic, so the same text always gets the same vote.
 */
public interface LabelingFunction extends Serializable {

    /** A stable name, used as the key of the function's vote in annotation requests. */
    String name();

    /** The label voted for {@code text}, or {@code null} to abstain. Never throws. */
    String vote(String text);
}

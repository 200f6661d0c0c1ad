package io.streamprep.operators.annotation;

import io.streamprep.operators.weaklabel.Decision;
import java.util.Objects;

/**
 * A label model's verdict on a voted record (see {@link Decision}).
 *
 * @param item the record and its votes
 * @param label the chosen label, or {@code null}
 * @param confidence the label's probability
 * @param entropy normalized entropy of the label distribution
 * @param margin gap between the two most probable labels
 */
public record LabelDecision(
        VotedEvent item, String label, double confidence, double entropy, double margin) {

    public LabelDecision {
        Objects.requireNonNull(item, "item");
    }

    public static LabelDecision of(VotedEvent item, Decision d) {
        return new LabelDecision(item, d.label(), d.confidence(), d.entropy(), d.margin());
    }

    public String id() {
        return item.id();
    }
}

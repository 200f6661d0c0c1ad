package io.streamprep.operators.annotation;

import io.streamprep.schemas.records.HumanLabel;
import io.streamprep.schemas.records.ModelFeedback;

/**
 * What reaches a held record from outside: exactly one of a human label or model feedback.
 *
 * @param label a human label, or {@code null}
 * @param feedback model feedback, or {@code null}
 */
public record AnnotationSignal(HumanLabel label, ModelFeedback feedback) {

    public AnnotationSignal {
        if ((label == null) == (feedback == null)) {
            throw new IllegalArgumentException("exactly one of label and feedback");
        }
    }

    public static AnnotationSignal of(HumanLabel label) {
        return new AnnotationSignal(label, null);
    }

    public static AnnotationSignal of(ModelFeedback feedback) {
        return new AnnotationSignal(null, feedback);
    }

    public String id() {
        return label != null ? label.id() : feedback.id();
    }

    public long ts() {
        return label != null ? label.ts() : feedback.ts();
    }
}

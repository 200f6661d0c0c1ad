package io.streamprep.operators.annotation;

import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.ExpiredAnnotation;
import org.apache.flink.util.OutputTag;

/** Side outputs of the weak-label and annotation stages. */
public final class AnnotationTags {

    /** Records that need human labels (no label, or one below the confidence threshold). */
    public static final OutputTag<LabelDecision> NEEDS_ANNOTATION =
            new OutputTag<>("needs-annotation") {};

    /** Requests for human labels, before ranking. */
    public static final OutputTag<AnnotationRequest> REQUESTS =
            new OutputTag<>("annotation-requests") {};

    /** Held records that expired, and labels for ids that were not held. */
    public static final OutputTag<ExpiredAnnotation> EXPIRED =
            new OutputTag<>("annotation-expired") {};

    private AnnotationTags() {}
}

package io.streamprep.operators.annotation;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies a label model's decision: a label with at least the minimum confidence is set on the
 * record ({@link TextEvent#withLabel}), which continues down the pipeline. The rest, by {@link
 * Mode}: go to {@link AnnotationTags#NEEDS_ANNOTATION}, continue unlabelled, or expire to {@link
 * AnnotationTags#EXPIRED} with reason {@code no_agreement}. Stateless; nothing is dropped.
 */
public class DecisionRouter extends ProcessFunction<LabelDecision, TextEvent> {

    private static final long serialVersionUID = 1L;

    /** What happens to records without a confident label. */
    public enum Mode {
        TO_ANNOTATION,
        PASS_UNLABELLED,
        EXPIRE
    }

    private final Mode mode;
    private final double minConfidence;
    private final String family;
    private transient PipelineCounters counters;

    public DecisionRouter(Mode mode, double minConfidence, String family) {
        this.mode = mode;
        this.minConfidence = minConfidence;
        this.family = family;
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new PipelineCounters(getRuntimeContext(), family);
    }

    @Override
    public void processElement(LabelDecision d, Context ctx, Collector<TextEvent> out) {
        TextEvent event = d.item().event();
        if (d.label() != null && d.confidence() >= minConfidence) {
            counters.inc("labelled");
            out.collect(event.withLabel(d.label(), d.confidence()));
            return;
        }
        switch (mode) {
            case TO_ANNOTATION -> {
                counters.inc("to_annotation");
                ctx.output(AnnotationTags.NEEDS_ANNOTATION, d);
            }
            case PASS_UNLABELLED -> {
                counters.inc("unlabelled");
                out.collect(event);
            }
            case EXPIRE -> {
                counters.inc("expired." + ExpiredAnnotation.NO_AGREEMENT);
                ctx.output(
                        AnnotationTags.EXPIRED,
                        new ExpiredAnnotation(
                                event.id(),
                                ExpiredAnnotation.NO_AGREEMENT,
                                d.item().votes().length,
                                event.eventTime(),
                                d.item().time(),
                                event.text(),
                                null,
                                null));
            }
        }
    }
}

package io.streamprep.operators.annotation;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.weaklabel.Decision;
import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Without weak supervision: records with a label continue; unlabelled ones go to {@link
 * AnnotationTags#NEEDS_ANNOTATION} with no votes (maximal uncertainty). Stateless.
 */
public class NeedsLabelFunction extends ProcessFunction<TextEvent, TextEvent> {

    private static final long serialVersionUID = 1L;
    private static final String[] NONE = new String[0];

    private transient PipelineCounters counters;

    @Override
    public void open(OpenContext openContext) {
        counters = new PipelineCounters(getRuntimeContext(), "annotation");
    }

    @Override
    public void processElement(TextEvent event, Context ctx, Collector<TextEvent> out) {
        if (event.record().label() != null) {
            out.collect(event);
            return;
        }
        counters.inc("to_annotation");
        ctx.output(
                AnnotationTags.NEEDS_ANNOTATION,
                LabelDecision.of(
                        new VotedEvent(event, NONE, NONE, event.eventTime()), Decision.none()));
    }
}

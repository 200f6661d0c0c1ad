package io.streamprep.operators.annotation;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.weaklabel.LabelingFunctions;
import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Applies the labelling functions to every unlabelled record. Records that arrived with a label are
 * not voted on: they go unchanged to {@link #LABELLED} (a given label is trusted; weak labels only
 * fill gaps). Stateless; labelling functions never throw.
 */
public class VoteFunction extends ProcessFunction<TextEvent, VotedEvent> {

    private static final long serialVersionUID = 1L;

    /** Records that already carry a label. */
    public static final OutputTag<TextEvent> LABELLED = new OutputTag<>("already-labelled") {};

    private final LabelingFunctions functions;
    private final String[] names;
    private transient PipelineCounters counters;

    public VoteFunction(LabelingFunctions functions) {
        this.functions = functions;
        this.names = functions.names();
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new PipelineCounters(getRuntimeContext(), "weak_labels");
    }

    @Override
    public void processElement(TextEvent event, Context ctx, Collector<VotedEvent> out) {
        if (event.record().label() != null) {
            counters.inc("given");
            ctx.output(LABELLED, event);
            return;
        }
        String[] votes = functions.votes(event.text());
        for (String vote : votes) {
            if (vote != null) {
                counters.inc("votes");
            }
        }
        out.collect(new VotedEvent(event, names, votes, event.eventTime()));
    }
}

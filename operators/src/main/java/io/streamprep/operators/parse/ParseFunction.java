package io.streamprep.operators.parse;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The parse + validate stage: every raw record leaves either as a {@link TextEvent} on the main
 * output or as a dead letter on {@link OutputTags#DEAD_LETTERS}. It never fails the job for bad
 * input.
 *
 * <p>Counts {@code in.records} and {@code dlq.<reason>}.
 */
public class ParseFunction extends ProcessFunction<RawRecord, TextEvent> {

    private static final long serialVersionUID = 1L;

    private final ParserSettings settings;

    private transient RecordParser parser;
    private transient PipelineCounters in;
    private transient PipelineCounters dlq;

    public ParseFunction(ParserSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new RecordParser(settings);
        in = new PipelineCounters(getRuntimeContext(), "in");
        dlq = new PipelineCounters(getRuntimeContext(), "dlq");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<TextEvent> out) {
        in.inc("records");
        ParseOutcome outcome = parser.parse(raw);
        if (outcome.isAccepted()) {
            out.collect(outcome.event());
        } else {
            dlq.inc(outcome.rejection().reason());
            ctx.output(OutputTags.DEAD_LETTERS, outcome.rejection());
        }
    }
}

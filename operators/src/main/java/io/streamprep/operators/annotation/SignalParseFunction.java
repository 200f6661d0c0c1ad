package io.streamprep.operators.annotation;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.RawRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Parses labels or feedback ({@link SignalParser}); rejects go to the dead letters. */
public class SignalParseFunction extends ProcessFunction<RawRecord, AnnotationSignal> {

    private static final long serialVersionUID = 1L;

    private final SignalParser parser;
    private transient PipelineCounters deadLetters;

    public SignalParseFunction(SignalParser.Kind kind) {
        this.parser = new SignalParser(kind);
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = new PipelineCounters(getRuntimeContext(), "dlq");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<AnnotationSignal> out) {
        SignalParser.Outcome outcome = parser.parse(raw);
        if (outcome.signal() != null) {
            out.collect(outcome.signal());
        } else {
            deadLetters.inc(outcome.rejection().reason());
            ctx.output(OutputTags.DEAD_LETTERS, outcome.rejection());
        }
    }
}

package io.streamprep.operators.image;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.ImageEvent;
import io.streamprep.schemas.records.RawRecord;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The image parse + validate stage ({@link ImageRecordParser}): every raw record leaves as an
 * {@link ImageEvent} or a dead letter; bad input never fails the job. Counts {@code in.records} and
 * {@code dlq.<reason>}. Stateless.
 */
public class ImageParseFunction extends ProcessFunction<RawRecord, ImageEvent> {

    private static final long serialVersionUID = 1L;

    private final ImageSettings settings;
    private final List<String> labels;
    private final boolean labelRequired;

    private transient ImageRecordParser parser;
    private transient PipelineCounters in;
    private transient PipelineCounters dlq;

    public ImageParseFunction(ImageSettings settings, List<String> labels, boolean labelRequired) {
        this.settings = settings;
        this.labels = List.copyOf(labels);
        this.labelRequired = labelRequired;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new ImageRecordParser(settings, labels, labelRequired);
        in = new PipelineCounters(getRuntimeContext(), "in");
        dlq = new PipelineCounters(getRuntimeContext(), "dlq");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<ImageEvent> out) {
        in.inc("records");
        ImageParseOutcome outcome = parser.parse(raw);
        if (outcome.isAccepted()) {
            out.collect(outcome.event());
        } else {
            dlq.inc(outcome.rejection().reason());
            ctx.output(OutputTags.DEAD_LETTERS, outcome.rejection());
        }
    }
}

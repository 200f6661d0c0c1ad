package io.streamprep.operators.image;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.ImageEvent;
import io.streamprep.schemas.records.RawRecord;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The image parse + validate stage ({@link ImageRecordParser}): every raw record leaves as an
 * {@link ImageEvent}, a dead letter, or (with HTTP fetching on) a {@link RemoteImage} on {@link
 * #REMOTE}; bad input never fails the job. Counts {@code in.records} and {@code dlq.<reason>}.
 * Stateless.
 */
public class ImageParseFunction extends ProcessFunction<RawRecord, ImageEvent> {

    private static final long serialVersionUID = 1L;

    /** Records whose image must be fetched over HTTP first ({@link ImageFetchFunction}). */
    public static final OutputTag<RemoteImage> REMOTE = new OutputTag<>("remote-images") {};

    private final ImageSettings settings;
    private final List<String> labels;
    private final boolean labelRequired;
    private final boolean http;

    private transient ImageRecordParser parser;
    private transient PipelineCounters in;
    private transient PipelineCounters dlq;

    public ImageParseFunction(ImageSettings settings, List<String> labels, boolean labelRequired) {
        this(settings, labels, labelRequired, false);
    }

    /**
     * @param http whether records with {@code http(s)} image URIs go to {@link #REMOTE} for
     *     fetching (else they are dead-lettered as {@code image_unreadable})
     */
    public ImageParseFunction(
            ImageSettings settings, List<String> labels, boolean labelRequired, boolean http) {
        this.settings = settings;
        this.labels = List.copyOf(labels);
        this.labelRequired = labelRequired;
        this.http = http;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new ImageRecordParser(settings, labels, labelRequired, http);
        in = new PipelineCounters(getRuntimeContext(), "in");
        dlq = new PipelineCounters(getRuntimeContext(), "dlq");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<ImageEvent> out) {
        in.inc("records");
        ImageParseOutcome outcome = parser.parse(raw);
        if (outcome.isAccepted()) {
            out.collect(outcome.event());
        } else if (outcome.isRemote()) {
            ctx.output(REMOTE, outcome.remote());
        } else {
            dlq.inc(outcome.rejection().reason());
            ctx.output(OutputTags.DEAD_LETTERS, outcome.rejection());
        }
    }
}

package io.streamprep.operators.image;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.ImageEvent;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses records whose image was fetched over HTTP ({@link ImageRecordParser#parseFetched}): the
 * same checks as the parse stage, with the fetched bytes as the image. A failed fetch becomes a
 * dead letter with its reason ({@code image_unreadable} or {@code image_too_large}) and the
 * record's original bytes, stage {@code image-fetch}. Counts {@code http.fetched}, {@code
 * http.failed} and {@code dlq.<reason>}. Stateless; never fails the job.
 */
public class ImageFetchedParseFunction extends ProcessFunction<FetchedImage, ImageEvent> {

    private static final long serialVersionUID = 1L;

    public static final String STAGE = "image-fetch";

    private final ImageSettings settings;
    private final List<String> labels;
    private final boolean labelRequired;

    private transient ImageRecordParser parser;
    private transient PipelineCounters http;
    private transient PipelineCounters dlq;

    public ImageFetchedParseFunction(
            ImageSettings settings, List<String> labels, boolean labelRequired) {
        this.settings = settings;
        this.labels = List.copyOf(labels);
        this.labelRequired = labelRequired;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new ImageRecordParser(settings, labels, labelRequired, true);
        http = new PipelineCounters(getRuntimeContext(), "http");
        dlq = new PipelineCounters(getRuntimeContext(), "dlq");
    }

    @Override
    public void processElement(FetchedImage fetched, Context ctx, Collector<ImageEvent> out) {
        if (!fetched.isOk()) {
            http.inc("failed");
            dlq.inc(fetched.reason());
            ctx.output(
                    OutputTags.DEAD_LETTERS,
                    new DeadLetterRecord(
                            fetched.reason(),
                            fetched.message(),
                            STAGE,
                            fetched.id(),
                            fetched.raw().position(),
                            fetched.raw().value()));
            return;
        }
        http.inc("fetched");
        ImageParseOutcome outcome = parser.parseFetched(fetched.raw(), fetched.bytes());
        if (outcome.isAccepted()) {
            out.collect(outcome.event());
        } else {
            dlq.inc(outcome.rejection().reason());
            ctx.output(OutputTags.DEAD_LETTERS, outcome.rejection());
        }
    }
}

package io.streamprep.operators.image;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.operators.tokenize.TextTokenizer;
import io.streamprep.operators.tokenize.TokenizationException;
import io.streamprep.operators.tokenize.TokenizerSettings;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.records.ImageEvent;
import io.streamprep.schemas.records.ImageTrainingRecord;
import io.streamprep.schemas.records.RejectReason;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The last image stage: one {@link ImageTrainingRecord} per event ({@link ImageRecordAssembler}). A
 * caption the tokenizer rejects dead-letters the event ({@code tokenizer_error}); never fails the
 * job. Counts {@code out.records.<split>}, {@code out.sources.<split>} (variant 0), {@code
 * out.label.<split>.<label>} and {@code out.tokens} (caption tokens), like the text pipeline.
 */
public class ImageOutputFunction extends ProcessFunction<ImageEvent, ImageTrainingRecord> {

    private static final long serialVersionUID = 1L;

    public static final String STAGE = "image-output";

    private static final String NO_LABEL = "(none)";

    private final ImageSettings settings;
    private final TokenizerSettings tokenizerSettings;
    private final SplitAssigner splits;
    private final LabelIndex labels;

    private transient TextTokenizer tokenizer;
    private transient ImageRecordAssembler assembler;
    private transient PipelineCounters outputs;
    private transient PipelineCounters dlq;

    public ImageOutputFunction(
            ImageSettings settings,
            TokenizerSettings tokenizerSettings,
            SplitAssigner splits,
            LabelIndex labels) {
        this.settings = settings;
        this.tokenizerSettings = tokenizerSettings;
        this.splits = splits;
        this.labels = labels;
    }

    @Override
    public void open(OpenContext openContext) {
        tokenizer = TextTokenizer.open(tokenizerSettings);
        assembler = new ImageRecordAssembler(settings, splits, labels, tokenizer);
        outputs = new PipelineCounters(getRuntimeContext(), "out");
        dlq = new PipelineCounters(getRuntimeContext(), "dlq");
    }

    @Override
    public void processElement(ImageEvent event, Context ctx, Collector<ImageTrainingRecord> out) {
        ImageTrainingRecord record;
        try {
            record = assembler.assemble(event);
        } catch (TokenizationException e) {
            RejectReason reason = RejectReason.TOKENIZER_ERROR;
            dlq.inc(reason.code());
            ctx.output(
                    OutputTags.DEAD_LETTERS,
                    event.reject(reason, "caption: " + e.getMessage(), STAGE));
            return;
        }
        out.collect(record);
        String split = record.split();
        outputs.inc("records." + split);
        if (record.variant() == 0) {
            outputs.inc("sources." + split);
        }
        outputs.inc("label." + split + "." + (record.label() == null ? NO_LABEL : record.label()));
        if (record.attentionMask() != null) {
            int tokens = 0;
            for (int m : record.attentionMask()) {
                tokens += m;
            }
            outputs.add("tokens", tokens);
        }
    }

    @Override
    public void close() {
        if (tokenizer != null) {
            tokenizer.close();
            tokenizer = null;
        }
    }
}

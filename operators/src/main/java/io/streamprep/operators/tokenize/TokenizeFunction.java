package io.streamprep.operators.tokenize;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TrainingRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The tokenize stage: emits one {@link TrainingRecord} per token window of each text event (see
 * {@link RecordTokenizer}, {@link TextTokenizer}).
 *
 * <p>A text the tokenizer cannot handle goes to {@link OutputTags#DEAD_LETTERS} with reason {@code
 * tokenizer_error}; it never fails the job. Bad tokenizer settings fail {@link #open} (call {@link
 * TextTokenizer#validate} when building the job to fail earlier). Stateless, so exactly-once
 * follows from the surrounding pipeline.
 *
 * <p>Counters: family {@code dlq}, one per reason code; family {@code out}: {@code records.<split>}
 * (output records), {@code sources.<split>} (source records, counted for variant 0 only), {@code
 * tokens} (non-padding tokens of all output records, special tokens and stride overlap included)
 * and {@code label.<split>.<label>} (output records per label, {@value #NO_LABEL} for unlabelled
 * ones).
 */
public class TokenizeFunction extends ProcessFunction<TextEvent, TrainingRecord> {

    private static final long serialVersionUID = 1L;

    /** The stage name written to dead-letter records. */
    public static final String STAGE = "tokenize";

    /** The label name used in counters for unlabelled records. */
    public static final String NO_LABEL = "(none)";

    private final TokenizerSettings settings;
    private final SplitAssigner splits;
    private final LabelIndex labels;
    private final boolean includeText;

    private transient TextTokenizer tokenizer;
    private transient RecordTokenizer records;
    private transient PipelineCounters rejects;
    private transient PipelineCounters outputs;
    private transient Map<String, CounterNames> counterNames;

    public TokenizeFunction(
            TokenizerSettings settings,
            SplitAssigner splits,
            LabelIndex labels,
            boolean includeText) {
        this.settings = settings;
        this.splits = splits;
        this.labels = labels;
        this.includeText = includeText;
    }

    @Override
    public void open(OpenContext openContext) {
        tokenizer = TextTokenizer.open(settings);
        records = new RecordTokenizer(tokenizer, splits, labels, includeText);
        rejects = new PipelineCounters(getRuntimeContext(), "dlq");
        outputs = new PipelineCounters(getRuntimeContext(), "out");
        counterNames = new HashMap<>();
    }

    @Override
    public void processElement(TextEvent event, Context ctx, Collector<TrainingRecord> out) {
        emit(event, event.variant(), ctx, out);
    }

    /** Emits the records of one variant of the event, or dead-letters the event. */
    protected void emit(TextEvent event, int variant, Context ctx, Collector<TrainingRecord> out) {
        List<TrainingRecord> tokenized;
        try {
            tokenized = records.tokenize(event, variant);
        } catch (TokenizationException e) {
            RejectReason reason = RejectReason.TOKENIZER_ERROR;
            ctx.output(
                    OutputTags.DEAD_LETTERS,
                    DeadLetterRecord.of(reason, e.getMessage(), STAGE, event));
            rejects.inc(reason.code());
            return;
        }
        String split = tokenized.get(0).split();
        CounterNames names = counterNames.computeIfAbsent(split, CounterNames::new);
        if (variant == 0) {
            outputs.inc(names.sources);
        }
        String label = event.record().label() == null ? NO_LABEL : event.record().label();
        String labelCounter = names.label(label);
        for (TrainingRecord record : tokenized) {
            out.collect(record);
            outputs.inc(names.records);
            outputs.inc(labelCounter);
            outputs.add("tokens", record.tokenCount());
        }
    }

    /** The counter names of one split, built once instead of concatenated per record. */
    private static final class CounterNames {
        final String sources;
        final String records;
        final String labelPrefix;
        final Map<String, String> labels = new HashMap<>();

        CounterNames(String split) {
            sources = "sources." + split;
            records = "records." + split;
            labelPrefix = "label." + split + ".";
        }

        String label(String label) {
            return labels.computeIfAbsent(label, l -> labelPrefix + l);
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

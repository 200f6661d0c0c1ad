package io.streamprep.operators.tokenize;

import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TrainingRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one text event (or one augmented variant of it) into its training records: one per token
 * window, all in the split of the source id, so windows and variants of a record never straddle
 * splits. Deterministic: the same event, variant and settings always give the same records.
 */
public final class RecordTokenizer {

    private final TextTokenizer tokenizer;
    private final SplitAssigner splits;
    private final LabelIndex labels;
    private final boolean includeText;

    /**
     * @param tokenizer used, not owned: the caller closes it
     * @param includeText whether records carry the (normalized) text
     */
    public RecordTokenizer(
            TextTokenizer tokenizer, SplitAssigner splits, LabelIndex labels, boolean includeText) {
        this.tokenizer = tokenizer;
        this.splits = splits;
        this.labels = labels;
        this.includeText = includeText;
    }

    /**
     * The records of one variant of the event (0 for the original text), window 0 first.
     *
     * @throws TokenizationException if the tokenizer cannot handle the event's text
     */
    public List<TrainingRecord> tokenize(TextEvent event, int variant) {
        List<TokenWindow> windows = tokenizer.encode(event.text());
        String sourceId = event.id();
        // Near duplicates and augmented variants share the split of their representative/source.
        String split = splits.splitOf(event.splitId());
        String label = event.record().label();
        int labelId = labels.idOf(label);
        String text = includeText ? event.text() : null;
        List<TrainingRecord> records = new ArrayList<>(windows.size());
        for (int w = 0; w < windows.size(); w++) {
            TokenWindow window = windows.get(w);
            records.add(
                    new TrainingRecord(
                            TrainingRecord.idOf(sourceId, variant, w),
                            sourceId,
                            variant,
                            w,
                            split,
                            label,
                            labelId,
                            window.inputIds(),
                            window.attentionMask(),
                            window.typeIds(),
                            text,
                            event.augmentations(),
                            event.features(),
                            event.labelConfidence()));
        }
        return records;
    }
}

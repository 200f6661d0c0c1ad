package io.streamprep.operators.normalize;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.StableHash;
import io.streamprep.operators.normalize.pii.PiiType;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.TextEvent;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The normalization stage: runs {@link TextNormalizer} on every event's text.
 *
 * <p>An accepted event is emitted with the normalized text and its {@link StableHash#fingerprint}
 * (the exact-duplicate key); redactions are counted in the {@code pii} family ({@code email},
 * {@code phone}, {@code ip}, {@code credit_card}). A rejected event goes to {@link
 * OutputTags#DEAD_LETTERS} with stage {@code normalize}, its reason code and its original bytes,
 * and is counted in the {@code dlq} family under the reason code. Every input leaves by exactly one
 * of the two outputs. Stateless, so exactly-once follows from the surrounding job.
 */
public class NormalizeFunction extends ProcessFunction<TextEvent, TextEvent> {

    private static final long serialVersionUID = 1L;

    /** The {@code stage} written to dead letters from this function. */
    public static final String STAGE = "normalize";

    private final NormalizerSettings settings;

    private transient TextNormalizer normalizer;
    private transient PipelineCounters deadLetters;
    private transient PipelineCounters pii;

    public NormalizeFunction(NormalizerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        normalizer = new TextNormalizer(settings);
        deadLetters = new PipelineCounters(getRuntimeContext(), "dlq");
        pii = new PipelineCounters(getRuntimeContext(), "pii");
    }

    @Override
    public void processElement(TextEvent event, Context ctx, Collector<TextEvent> out) {
        NormalizationResult result = normalizer.normalize(event.text());
        if (!result.isAccepted()) {
            ctx.output(
                    OutputTags.DEAD_LETTERS,
                    DeadLetterRecord.of(result.reason(), result.message(), STAGE, event));
            deadLetters.inc(result.reason().code());
            return;
        }
        for (PiiType type : PiiType.values()) {
            int count = result.piiCount(type);
            if (count > 0) {
                pii.add(type.code(), count);
            }
        }
        String text = result.text();
        out.collect(event.withNormalized(text, StableHash.fingerprint(text)));
    }
}

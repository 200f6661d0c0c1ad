package io.streamprep.operators.augment.text.mt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.TextEvent;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Emits the source event of every {@link BackTranslation}, then its back-translated variant when
 * there is one, and counts the outcome in the {@code augment} family: {@code mt_variants}; {@code
 * mt_failed} for every variant skipped because the server was slow, down, erroring or behind an
 * open circuit breaker (of which {@code mt_circuit_open} were not even tried); {@code mt_too_long};
 * {@code mt_identical} (back-translation equal to the source, not emitted); and {@code
 * mt_batch_resent} for every translated record whose batched answer could not be split and which
 * was therefore translated again on its own (a safety net that should stay at 0).
 *
 * <p>The variant keeps the source's id, label, event time and split key and records {@code
 * [{"op":"back_translate","langpair":...,"pivot":...}]} in {@code augmentations}. Stateless.
 */
public class BackTranslationEmitter extends ProcessFunction<BackTranslation, TextEvent> {

    private static final long serialVersionUID = 1L;

    private final BackTranslateSettings settings;

    private transient PipelineCounters counters;

    public BackTranslationEmitter(BackTranslateSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new PipelineCounters(getRuntimeContext(), "augment");
    }

    @Override
    public void processElement(BackTranslation result, Context ctx, Collector<TextEvent> out) {
        TextEvent source = result.source();
        out.collect(source);
        if (result.variant() == 0) {
            return;
        }
        if (result.failure() != null) {
            if (result.failure().equals("too_long")) {
                counters.inc("mt_too_long");
                return;
            }
            counters.inc("mt_failed");
            if (result.failure().equals("circuit_open")) {
                counters.inc("mt_circuit_open");
            }
            return;
        }
        if (result.resentAlone()) {
            counters.inc("mt_batch_resent");
        }
        String text = result.text().strip();
        if (text.isEmpty() || text.equals(source.text())) {
            counters.inc("mt_identical");
            return;
        }
        out.collect(source.asVariant(result.variant(), text, operations(result)));
        counters.inc("mt_variants");
    }

    private String operations(BackTranslation result) {
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        ObjectNode op = ops.addObject();
        op.put("op", "back_translate");
        op.put("langpair", settings.forwardPair());
        op.put("pivot", result.pivot().strip());
        return ops.toString();
    }
}

package io.streamprep.operators.dedup.near;

import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Turns a text record into its near-dedup probe: the MinHash signature of the normalized text plus
 * id and event time. Stateless and parallel; never fails on any text (an empty shingle set cannot
 * occur, see {@link Shingler}).
 */
public class TextSignatureFunction implements MapFunction<TextEvent, NearProbe> {

    private static final long serialVersionUID = 1L;

    private final MinHashModel model;

    public TextSignatureFunction(MinHashModel model) {
        this.model = model;
    }

    @Override
    public NearProbe map(TextEvent event) {
        return new NearProbe(
                NearDedupKeys.of(event),
                event.id(),
                event.eventTime(),
                model.signature(event.text()));
    }
}

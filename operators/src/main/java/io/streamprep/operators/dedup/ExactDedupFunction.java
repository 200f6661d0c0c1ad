package io.streamprep.operators.dedup;

import io.streamprep.schemas.records.TextEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Windowed exact deduplication of text events, keyed by the fingerprint of the normalized text. The
 * rule, state, timers and late-record handling are {@link WindowedExactDedup}'s: the first copy by
 * (event time, id) within the window is kept, every later one goes to {@code OutputTags.DUPLICATES}
 * naming it.
 */
public class ExactDedupFunction extends WindowedExactDedup<TextEvent> {

    private static final long serialVersionUID = 1L;

    /**
     * @param window how far apart in event time two copies may be to count as duplicates
     * @param stateTtl safety-net TTL for all keyed state, or {@code null} for none
     */
    public ExactDedupFunction(Duration window, Duration stateTtl) {
        super(window, stateTtl, TypeInformation.of(TextEvent.class));
    }

    @Override
    protected long eventTime(TextEvent record) {
        return record.eventTime();
    }

    @Override
    protected String idOf(TextEvent record) {
        return record.id();
    }
}

package io.streamprep.operators.dedup.near;

import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys of the near-dedup stages. The index is one keyed partition (see {@link
 * NearDedupIndexOperator}); the join is keyed per record by id, event time and fingerprint, so two
 * records that happen to share an id still get their own verdicts.
 */
public final class NearDedupKeys {

    /** The single key of the index partition. */
    public static final long INDEX_KEY = 0L;

    private NearDedupKeys() {}

    /** Keys every probe to the single index partition. */
    public static KeySelector<NearProbe, Long> index() {
        return new IndexKey();
    }

    private static final class IndexKey implements KeySelector<NearProbe, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(NearProbe probe) {
            return INDEX_KEY;
        }
    }

    /** The join key of a text record. */
    public static String of(TextEvent event) {
        return event.id() + '\n' + event.eventTime() + '\n' + event.fingerprint();
    }
}

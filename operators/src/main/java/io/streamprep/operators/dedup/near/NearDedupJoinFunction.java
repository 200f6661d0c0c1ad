package io.streamprep.operators.dedup.near;

import io.streamprep.schemas.records.TextEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The near-dedup join for text records ({@link NearDedupJoin}), keyed by {@link NearDedupKeys#of}.
 * Its state ({@code waiting}: {@link TextEvent}, {@code verdict}: {@link NearVerdict}) is the same
 * as before the join became generic, so savepoints of the text job stay compatible.
 */
public class NearDedupJoinFunction extends NearDedupJoin<TextEvent> {

    private static final long serialVersionUID = 1L;

    /**
     * @param group whether near duplicates are kept and grouped (else dropped)
     * @param stateTtl safety-net TTL, or {@code null} for none
     */
    public NearDedupJoinFunction(boolean group, Duration stateTtl) {
        super(group, stateTtl);
    }

    @Override
    protected TypeInformation<TextEvent> recordType() {
        return TypeInformation.of(TextEvent.class);
    }

    @Override
    protected String id(TextEvent record) {
        return record.id();
    }

    @Override
    protected TextEvent withSplitKey(TextEvent record, String representative) {
        return record.withSplitKey(representative);
    }
}

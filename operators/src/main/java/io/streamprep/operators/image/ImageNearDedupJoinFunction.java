package io.streamprep.operators.image;

import io.streamprep.operators.dedup.near.NearDedupJoin;
import io.streamprep.schemas.records.ImageEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The near-dedup join for images ({@link NearDedupJoin}), keyed by {@link
 * ImageSignatureFunction#key}: a near-duplicate image goes to the duplicates output as {@code
 * DuplicateRecord(id, duplicate_of, "near", 1 - distance / 64)}, a kept one passes (in group mode
 * with its cluster representative as split key). The image waits in state only until its verdict
 * arrives.
 */
public class ImageNearDedupJoinFunction extends NearDedupJoin<ImageEvent> {

    private static final long serialVersionUID = 1L;

    public ImageNearDedupJoinFunction(boolean group, Duration stateTtl) {
        super(group, stateTtl);
    }

    @Override
    protected TypeInformation<ImageEvent> recordType() {
        return TypeInformation.of(ImageEvent.class);
    }

    @Override
    protected String id(ImageEvent record) {
        return record.id();
    }

    @Override
    protected ImageEvent withSplitKey(ImageEvent record, String representative) {
        return record.withSplitKey(representative);
    }
}

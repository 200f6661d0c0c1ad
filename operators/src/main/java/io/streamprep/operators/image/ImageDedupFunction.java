package io.streamprep.operators.image;

import io.streamprep.operators.dedup.WindowedExactDedup;
import io.streamprep.schemas.records.ImageEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Windowed exact deduplication of images, keyed by the fingerprint of the normalized pixels: two
 * encodings of the same picture (PNG and BMP, say) that decode to the same pixels are duplicates.
 * Rule, state cleanup and late handling are {@link WindowedExactDedup}'s.
 */
public class ImageDedupFunction extends WindowedExactDedup<ImageEvent> {

    private static final long serialVersionUID = 1L;

    public ImageDedupFunction(Duration window, Duration stateTtl) {
        super(window, stateTtl, TypeInformation.of(ImageEvent.class));
    }

    @Override
    protected long eventTime(ImageEvent record) {
        return record.eventTime();
    }

    @Override
    protected String idOf(ImageEvent record) {
        return record.id();
    }
}

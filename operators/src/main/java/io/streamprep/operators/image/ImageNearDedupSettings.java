package io.streamprep.operators.image;

import io.streamprep.schemas.config.DedupOptions;
import io.streamprep.schemas.config.ImageOptions;
import io.streamprep.schemas.config.NearDedupOptions;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The image near-dedup options, read once and checked.
 *
 * @param model pHash Hamming model with the configured maximum distance and thumbnail check
 * @param window how far apart in event time near duplicates may be
 * @param mode drop or group near duplicates
 * @param stateTtl the safety-net TTL of the dedup state ({@code dedup.state-ttl})
 * @throws IllegalArgumentException naming the option, if a value is out of range
 */
public record ImageNearDedupSettings(
        HammingModel model, Duration window, NearDedupOptions.Mode mode, Duration stateTtl)
        implements Serializable {

    public static ImageNearDedupSettings fromConfig(ReadableConfig options) {
        int distance = options.get(ImageOptions.NEAR_DEDUP_MAX_DISTANCE);
        if (distance < 0 || distance > HammingModel.MAX_DISTANCE) {
            throw new IllegalArgumentException(
                    ImageOptions.NEAR_DEDUP_MAX_DISTANCE.key()
                            + " must be in [0, "
                            + HammingModel.MAX_DISTANCE
                            + "], but is "
                            + distance);
        }
        int thumbnail = options.get(ImageOptions.NEAR_DEDUP_MAX_THUMBNAIL_DIFFERENCE);
        if (thumbnail < -1 || thumbnail > HammingModel.MAX_THUMBNAIL_DIFFERENCE) {
            throw new IllegalArgumentException(
                    ImageOptions.NEAR_DEDUP_MAX_THUMBNAIL_DIFFERENCE.key()
                            + " must be -1 or in [0, "
                            + HammingModel.MAX_THUMBNAIL_DIFFERENCE
                            + "], but is "
                            + thumbnail);
        }
        Duration window = options.get(ImageOptions.NEAR_DEDUP_WINDOW);
        if (window.isNegative()) {
            throw new IllegalArgumentException(
                    ImageOptions.NEAR_DEDUP_WINDOW.key() + " must not be negative");
        }
        return new ImageNearDedupSettings(
                new HammingModel(distance, thumbnail),
                window,
                options.get(ImageOptions.NEAR_DEDUP_MODE),
                options.get(DedupOptions.STATE_TTL));
    }
}

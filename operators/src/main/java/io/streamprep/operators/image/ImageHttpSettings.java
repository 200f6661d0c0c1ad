package io.streamprep.operators.image;

import io.streamprep.schemas.config.ImageOptions;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The HTTP image fetching options, read once and checked.
 *
 * @param enabled whether {@code http(s)} URIs are fetched
 * @param timeout time limit of one attempt
 * @param retries further attempts after a retryable failure
 * @param capacity most fetches in flight per task
 * @param maxBytes largest body read ({@code image.max-bytes}); reading stops beyond it
 * @throws IllegalArgumentException naming the option, if a value is out of range
 */
public record ImageHttpSettings(
        boolean enabled, Duration timeout, int retries, int capacity, long maxBytes)
        implements Serializable {

    /** Pause before retry n (1-based) is n times this. */
    static final Duration BACKOFF = Duration.ofMillis(200);

    public ImageHttpSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    ImageOptions.HTTP_TIMEOUT.key() + " must be positive");
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException(
                    ImageOptions.HTTP_RETRIES.key() + " must be in [0, 10], but is " + retries);
        }
        if (capacity < 1 || capacity > 10_000) {
            throw new IllegalArgumentException(
                    ImageOptions.HTTP_CAPACITY.key()
                            + " must be in [1, 10000], but is "
                            + capacity);
        }
    }

    public static ImageHttpSettings fromConfig(ReadableConfig config) {
        return new ImageHttpSettings(
                config.get(ImageOptions.HTTP_ENABLED),
                config.get(ImageOptions.HTTP_TIMEOUT),
                config.get(ImageOptions.HTTP_RETRIES),
                config.get(ImageOptions.HTTP_CAPACITY),
                config.get(ImageOptions.MAX_BYTES).getBytes());
    }

    /**
     * The Async I/O time limit of one record: every attempt and the pauses between them, plus a
     * margin, so the fetcher's own per-attempt limits always decide first.
     */
    public Duration totalTimeout() {
        Duration total = timeout.multipliedBy(retries + 1L);
        for (int i = 1; i <= retries; i++) {
            total = total.plus(BACKOFF.multipliedBy(i));
        }
        return total.plusSeconds(5);
    }
}

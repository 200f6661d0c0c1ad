package io.streamprep.operators.image;

import io.streamprep.operators.dedup.near.NearProbe;
import io.streamprep.schemas.records.ImageEvent;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Turns a normalized image into its near-dedup probe: the 64-bit pHash ({@link
 * PerceptualHash#phash}) of its pixels as 8 bytes, with id and event time. Stateless and parallel;
 * never fails (every normalized image has at least one pixel).
 */
public class ImageSignatureFunction implements MapFunction<ImageEvent, NearProbe> {

    private static final long serialVersionUID = 1L;

    /** The join key of an image: id, event time and pixel fingerprint, like text's. */
    public static String key(ImageEvent event) {
        return event.id() + '\n' + event.eventTime() + '\n' + event.fingerprint();
    }

    @Override
    public NearProbe map(ImageEvent event) {
        RgbImage image = new RgbImage(event.width(), event.height(), event.pixels());
        return new NearProbe(
                key(event),
                event.id(),
                event.eventTime(),
                PerceptualHash.toBytes(PerceptualHash.phash(image)));
    }
}

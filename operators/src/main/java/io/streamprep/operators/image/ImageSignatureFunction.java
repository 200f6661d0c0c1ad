package io.streamprep.operators.image;

import io.streamprep.operators.dedup.near.NearProbe;
import io.streamprep.schemas.records.ImageEvent;
import java.util.Objects;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Turns a normalized image into its near-dedup probe: {@link HammingModel#signature} of its pixels
 * (the 64-bit pHash as 8 bytes, followed by its 64-byte {@link LumaThumbnail} when the model
 * confirms candidates), with id and event time. Stateless and parallel; never fails (every
 * normalized image has at least one pixel).
 */
public class ImageSignatureFunction implements MapFunction<ImageEvent, NearProbe> {

    private static final long serialVersionUID = 1L;

    private final HammingModel model;

    /**
     * @param model the index's model, which decides whether the thumbnail is included
     */
    public ImageSignatureFunction(HammingModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The join key of an image: id, event time and pixel fingerprint, like text's. */
    public static String key(ImageEvent event) {
        return event.id() + '\n' + event.eventTime() + '\n' + event.fingerprint();
    }

    @Override
    public NearProbe map(ImageEvent event) {
        RgbImage image = new RgbImage(event.width(), event.height(), event.pixels());
        return new NearProbe(key(event), event.id(), event.eventTime(), model.signature(image));
    }
}

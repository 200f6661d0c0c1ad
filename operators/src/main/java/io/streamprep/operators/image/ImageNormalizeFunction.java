package io.streamprep.operators.image;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.ImageEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The image normalize stage: decodes ({@link ImageDecoder}: EXIF orientation, RGB, alpha
 * flattened), resizes and centre-crops ({@link ImageNormalizer}) and fingerprints the pixels
 * ({@link PixelCodec#fingerprint}). The event leaves with pixels instead of encoded bytes. An image
 * that fails to decode (truncated, corrupt) goes to the dead letters with {@code corrupt_image};
 * never fails the job. Stateless.
 */
public class ImageNormalizeFunction extends ProcessFunction<ImageEvent, ImageEvent> {

    private static final long serialVersionUID = 1L;

    public static final String STAGE = "image-normalize";

    private final ImageSettings settings;

    private transient ImageDecoder decoder;
    private transient ImageNormalizer normalizer;
    private transient PipelineCounters dlq;

    public ImageNormalizeFunction(ImageSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        decoder = new ImageDecoder(settings.background());
        normalizer = new ImageNormalizer(settings.size());
        dlq = new PipelineCounters(getRuntimeContext(), "dlq");
    }

    @Override
    public void processElement(ImageEvent event, Context ctx, Collector<ImageEvent> out) {
        RgbImage decoded;
        try {
            decoded =
                    decoder.decode(
                            event.encoded(),
                            new ImageHeader(event.format(), event.width(), event.height()));
        } catch (ImageRejection e) {
            dlq.inc(e.reason().code());
            ctx.output(OutputTags.DEAD_LETTERS, event.reject(e.reason(), e.getMessage(), STAGE));
            return;
        }
        RgbImage normalized = normalizer.normalize(decoded);
        out.collect(
                event.withPixels(
                        normalized.width(),
                        normalized.height(),
                        normalized.rgb(),
                        PixelCodec.fingerprint(normalized)));
    }
}

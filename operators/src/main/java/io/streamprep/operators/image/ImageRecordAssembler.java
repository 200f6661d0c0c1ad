package io.streamprep.operators.image;

import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.operators.tokenize.TextTokenizer;
import io.streamprep.operators.tokenize.TokenWindow;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.config.ImageOptions;
import io.streamprep.schemas.records.ImageEvent;
import io.streamprep.schemas.records.ImageTrainingRecord;

/**
 * Builds the training record of one image event: pixels as raw HWC uint8 or PNG, shape, the
 * configured mean/std, the optional float tensor, the label id, the caption's tokens (first window)
 * and the split of the event's split id. Deterministic.
 */
public final class ImageRecordAssembler {

    private final ImageSettings settings;
    private final SplitAssigner splits;
    private final LabelIndex labels;
    private final TextTokenizer tokenizer;

    /**
     * @param tokenizer used for captions, not owned
     */
    public ImageRecordAssembler(
            ImageSettings settings,
            SplitAssigner splits,
            LabelIndex labels,
            TextTokenizer tokenizer) {
        this.settings = settings;
        this.splits = splits;
        this.labels = labels;
        this.tokenizer = tokenizer;
    }

    /**
     * @throws io.streamprep.operators.tokenize.TokenizationException if the caption cannot be
     *     tokenized
     */
    public ImageTrainingRecord assemble(ImageEvent event) {
        RgbImage image = new RgbImage(event.width(), event.height(), event.pixels());
        boolean png = settings.encoding() == ImageOptions.Encoding.PNG;
        int[] ids = null;
        int[] mask = null;
        if (event.caption() != null) {
            TokenWindow window = tokenizer.encode(event.caption()).get(0);
            ids = window.inputIds();
            mask = window.attentionMask();
        }
        return new ImageTrainingRecord(
                ImageTrainingRecord.idOf(event.id(), event.variant()),
                event.id(),
                event.variant(),
                splits.splitOf(event.splitId()),
                event.label(),
                labels.idOf(event.label()),
                png ? ImageTrainingRecord.PNG : ImageTrainingRecord.RAW,
                ImageTrainingRecord.HWC,
                new int[] {image.height(), image.width(), 3},
                png ? PixelCodec.png(image) : image.rgb(),
                settings.mean().clone(),
                settings.std().clone(),
                settings.writesTensor()
                        ? PixelCodec.tensor(image, settings.mean(), settings.std())
                        : null,
                event.caption(),
                ids,
                mask,
                event.augmentations());
    }
}

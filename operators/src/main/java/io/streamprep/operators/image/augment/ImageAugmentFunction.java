package io.streamprep.operators.image.augment;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.operators.image.VectorSupport;
import io.streamprep.schemas.records.ImageEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image augment stage: passes every original on and adds {@link ImageAugmentPolicy#variantsOf}
 * augmented copies ({@link ImageAugmenter}): the class's count plus the extra variants class
 * balancing asked for. They are numbered 1.., each seeded from (seed, id, variant) and carrying its
 * operations as provenance. Variants keep the source's id and split key, so they land in the
 * source's split. Stateless and deterministic; counts {@code augment.image_variants}. Each parallel
 * instance holds its own {@link ImageAugmenter} (made in {@code open}; its scratch buffers are not
 * thread-safe), and every emitted variant owns a fresh pixel array.
 */
public class ImageAugmentFunction extends ProcessFunction<ImageEvent, ImageEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImageAugmentFunction.class);

    private final ImageAugmentPolicy policy;
    private final long seed;
    private final int background;

    private transient ImageAugmenter augmenter;
    private transient PipelineCounters counters;

    public ImageAugmentFunction(ImageAugmentPolicy policy, long seed, int background) {
        this.policy = policy;
        this.seed = seed;
        this.background = background;
    }

    @Override
    public void open(OpenContext openContext) {
        augmenter = new ImageAugmenter(policy, seed, background);
        counters = new PipelineCounters(getRuntimeContext(), "augment");
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            LOG.info("Image augmentation kernels: {}", VectorSupport.describe());
        }
    }

    @Override
    public void processElement(ImageEvent event, Context ctx, Collector<ImageEvent> out) {
        out.collect(event);
        int variants = policy.variantsOf(event);
        if (variants == 0) {
            return;
        }
        RgbImage source = new RgbImage(event.width(), event.height(), event.pixels());
        for (int v = 1; v <= variants; v++) {
            ImageAugmenter.Variant variant = augmenter.variant(source, event.id(), v);
            out.collect(event.asVariant(v, variant.image().rgb(), variant.operations()));
        }
        counters.add("image_variants", variants);
    }
}

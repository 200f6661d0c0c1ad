package io.streamprep.operators.image.augment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprep.operators.common.StableHash;
import io.streamprep.operators.image.Geometry;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.schemas.serde.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes augmented variants of an image as an {@link ImageAugmentPolicy} says. Variant {@code v} of
 * record {@code id} draws all its randomness from {@code StableHash.random(seed, id, v)}, so a
 * replay gives byte-identical variants on any machine and parallelism. Each operator's coin is
 * tossed in a fixed order (hflip, vflip, rotate, crop, scale, jitter, noise, blur); the applied
 * ones and their parameters are returned as the provenance JSON array.
 *
 * <p>Intermediate images of a chain go through two scratch arrays owned by this instance (reused
 * memory stays in cache; a fresh array per step is zeroed, cold memory); only the final image of
 * each variant is a fresh array, owned by the returned {@link Variant} (also when no operator
 * applies: then it is a copy of the source). The source is never modified. <b>Not thread-safe</b>
 * because of the scratch arrays: use one instance per thread ({@link ImageAugmentFunction} makes
 * one per parallel subtask in {@code open}).
 */
public final class ImageAugmenter {

    private final ImageAugmentPolicy policy;
    private final long seed;
    private final int background;
    private byte[] scratchA = new byte[0];
    private byte[] scratchB = new byte[0];

    public ImageAugmenter(ImageAugmentPolicy policy, long seed, int background) {
        this.policy = policy;
        this.seed = seed;
        this.background = background;
    }

    /** One variant: the pixels (a fresh array) and the operations applied (a JSON array). */
    public record Variant(RgbImage image, String operations) {}

    /** One chosen operation, writing its result into the given destination. */
    private interface Step {
        RgbImage apply(RgbImage src, byte[] dst);
    }

    public Variant variant(RgbImage source, String id, int variant) {
        // All coins and parameters are drawn first, in the order the allocating chain drew them
        // (every operator keeps the size, so the crop's draws do not depend on earlier steps),
        // then the steps run: the last one writes straight into the variant's own array.
        SplittableRandom random = StableHash.random(seed, id, variant);
        ArrayNode ops = Json.MAPPER.createArrayNode();
        List<Step> steps = new ArrayList<>(8);
        if (random.nextDouble() < policy.hflipP()) {
            steps.add(Geometry::flipHorizontal);
            ops.addObject().put("op", "hflip");
        }
        if (random.nextDouble() < policy.vflipP()) {
            steps.add(Geometry::flipVertical);
            ops.addObject().put("op", "vflip");
        }
        if (random.nextDouble() < policy.rotateP()) {
            double degrees = round(uniform(random, -1, 1) * policy.rotateMaxDegrees());
            steps.add((img, dst) -> PixelOps.rotate(img, degrees, background, dst));
            ops.addObject().put("op", "rotate").put("degrees", degrees);
        }
        if (random.nextDouble() < policy.cropP()) {
            steps.add(crop(source.width(), source.height(), random, ops.addObject()));
        }
        if (random.nextDouble() < policy.scaleP()) {
            double factor = round(1 + uniform(random, -1, 1) * policy.scaleRange());
            steps.add((img, dst) -> PixelOps.scale(img, factor, background, dst));
            ops.addObject().put("op", "scale").put("factor", factor);
        }
        if (random.nextDouble() < policy.jitterP()) {
            double b = round(1 + uniform(random, -1, 1) * policy.brightness());
            double c = round(1 + uniform(random, -1, 1) * policy.contrast());
            double s = round(1 + uniform(random, -1, 1) * policy.saturation());
            double h = round(uniform(random, -1, 1) * policy.hue());
            steps.add((img, dst) -> PixelOps.colourJitter(img, b, c, s, h, dst));
            ops.addObject()
                    .put("op", "jitter")
                    .put("brightness", b)
                    .put("contrast", c)
                    .put("saturation", s)
                    .put("hue", h);
        }
        if (random.nextDouble() < policy.noiseP()) {
            double sigma = round(uniform(random, 0, 1) * policy.noiseMaxSigma());
            SplittableRandom noise = random.split();
            steps.add((img, dst) -> PixelOps.gaussianNoise(img, sigma, noise, dst));
            ops.addObject().put("op", "noise").put("sigma", sigma);
        }
        if (random.nextDouble() < policy.blurP()) {
            double sigma = round(0.1 + uniform(random, 0, 1) * (policy.blurMaxSigma() - 0.1));
            steps.add((img, dst) -> PixelOps.gaussianBlur(img, sigma, dst));
            ops.addObject().put("op", "blur").put("sigma", sigma);
        }
        return new Variant(run(source, steps), ops.toString());
    }

    /** Runs the steps through the scratch arrays, the last one into a fresh array. */
    private RgbImage run(RgbImage source, List<Step> steps) {
        int length = source.rgb().length;
        if (steps.isEmpty()) {
            return new RgbImage(source.width(), source.height(), source.rgb().clone());
        }
        if (scratchA.length != length) {
            scratchA = new byte[length];
            scratchB = new byte[length];
        }
        RgbImage img = source;
        int last = steps.size() - 1;
        for (int i = 0; i < last; i++) {
            img = steps.get(i).apply(img, img.rgb() == scratchA ? scratchB : scratchA);
        }
        return steps.get(last).apply(img, new byte[length]);
    }

    /** torchvision's RandomResizedCrop: area share and aspect ratio drawn, up to 10 tries. */
    private Step crop(int w, int h, SplittableRandom random, ObjectNode op) {
        double cw = w;
        double ch = h;
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = w * h * uniform(random, policy.cropMinArea(), 1);
            double logRatio = uniform(random, Math.log(3.0 / 4), Math.log(4.0 / 3));
            double ratio = Math.exp(logRatio);
            double tw = Math.sqrt(area * ratio);
            double th = Math.sqrt(area / ratio);
            if (tw <= w && th <= h && tw >= 1 && th >= 1) {
                cw = tw;
                ch = th;
                break;
            }
        }
        double x = round(uniform(random, 0, 1) * (w - cw));
        double y = round(uniform(random, 0, 1) * (h - ch));
        cw = round(cw);
        ch = round(ch);
        op.put("op", "crop").put("x", x).put("y", y).put("width", cw).put("height", ch);
        double width = cw;
        double height = ch;
        return (img, dst) -> PixelOps.resizedCrop(img, x, y, width, height, dst);
    }

    private static double uniform(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    /** Parameters are rounded so the provenance reproduces the variant exactly. */
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}

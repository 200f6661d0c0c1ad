package io.streamprep.operators.image.augment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprep.operators.common.StableHash;
import io.streamprep.operators.image.Geometry;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.schemas.serde.Json;
import java.util.SplittableRandom;

/**
 * {@link ImageAugmenter} as it was before the scratch buffers: every operator allocates its output
 * through the allocating {@link PixelOps} and {@link Geometry} methods. Tests compare the buffered
 * augmenter against it byte for byte.
 */
final class AllocatingAugmenter {

    private final ImageAugmentPolicy policy;
    private final long seed;
    private final int background;

    AllocatingAugmenter(ImageAugmentPolicy policy, long seed, int background) {
        this.policy = policy;
        this.seed = seed;
        this.background = background;
    }

    ImageAugmenter.Variant variant(RgbImage source, String id, int variant) {
        SplittableRandom random = StableHash.random(seed, id, variant);
        ArrayNode ops = Json.MAPPER.createArrayNode();
        RgbImage img = source;
        if (random.nextDouble() < policy.hflipP()) {
            img = Geometry.flipHorizontal(img);
            ops.addObject().put("op", "hflip");
        }
        if (random.nextDouble() < policy.vflipP()) {
            img = Geometry.flipVertical(img);
            ops.addObject().put("op", "vflip");
        }
        if (random.nextDouble() < policy.rotateP()) {
            double degrees = round(uniform(random, -1, 1) * policy.rotateMaxDegrees());
            img = PixelOps.rotate(img, degrees, background);
            ops.addObject().put("op", "rotate").put("degrees", degrees);
        }
        if (random.nextDouble() < policy.cropP()) {
            img = crop(img, random, ops.addObject());
        }
        if (random.nextDouble() < policy.scaleP()) {
            double factor = round(1 + uniform(random, -1, 1) * policy.scaleRange());
            img = PixelOps.scale(img, factor, background);
            ops.addObject().put("op", "scale").put("factor", factor);
        }
        if (random.nextDouble() < policy.jitterP()) {
            double b = round(1 + uniform(random, -1, 1) * policy.brightness());
            double c = round(1 + uniform(random, -1, 1) * policy.contrast());
            double s = round(1 + uniform(random, -1, 1) * policy.saturation());
            double h = round(uniform(random, -1, 1) * policy.hue());
            img = PixelOps.colourJitter(img, b, c, s, h);
            ops.addObject()
                    .put("op", "jitter")
                    .put("brightness", b)
                    .put("contrast", c)
                    .put("saturation", s)
                    .put("hue", h);
        }
        if (random.nextDouble() < policy.noiseP()) {
            double sigma = round(uniform(random, 0, 1) * policy.noiseMaxSigma());
            img = PixelOps.gaussianNoise(img, sigma, random.split());
            ops.addObject().put("op", "noise").put("sigma", sigma);
        }
        if (random.nextDouble() < policy.blurP()) {
            double sigma = round(0.1 + uniform(random, 0, 1) * (policy.blurMaxSigma() - 0.1));
            img = PixelOps.gaussianBlur(img, sigma);
            ops.addObject().put("op", "blur").put("sigma", sigma);
        }
        return new ImageAugmenter.Variant(img, ops.toString());
    }

    /** torchvision's RandomResizedCrop: area share and aspect ratio drawn, up to 10 tries. */
    private RgbImage crop(RgbImage img, SplittableRandom random, ObjectNode op) {
        int w = img.width();
        int h = img.height();
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
        return PixelOps.resizedCrop(img, x, y, cw, ch);
    }

    private static double uniform(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    /** Parameters are rounded so the provenance reproduces the variant exactly. */
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}

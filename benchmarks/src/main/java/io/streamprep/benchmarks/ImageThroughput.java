package io.streamprep.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.streamprep.operators.image.Geometry;
import io.streamprep.operators.image.ImageDecoder;
import io.streamprep.operators.image.ImageHeader;
import io.streamprep.operators.image.ImageNormalizer;
import io.streamprep.operators.image.ImageRejection;
import io.streamprep.operators.image.PixelCodec;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.operators.image.VectorSupport;
import io.streamprep.operators.image.augment.ImageAugmentPolicy;
import io.streamprep.operators.image.augment.ImageAugmenter;
import io.streamprep.operators.image.augment.PixelOps;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Single-thread images per CPU-second (and per wall-clock second) of the image pipeline's steps and
 * of each augmentation operator, printed as {@code java <step> <per cpu s> <per wall s>} lines that
 * {@code benchmarks/images/run.sh} sets side by side with the same steps in OpenCV and PIL. A plain
 * timed loop (warm-up, then at least 3 s per step), so it runs next to the Python script with the
 * same images; JMH is used for the text figures. The process's CPU time (JIT and GC threads
 * included) is the main figure because the benchmark machine is shared: wall-clock rates swing with
 * the other processes' load, CPU time much less.
 *
 * <p>Usage: {@code ImageThroughput <folder of .jpg/.png images> [step ...]}; with step names only
 * those steps run ({@code run.sh} starts one JVM per step, next to one Python process per step, so
 * both sides of a ratio are measured seconds apart and every JVM's profile sees one operator).
 * Warm-up is at least {@value #WARM_UP_NANOS} ns and 50 images, so C2 has compiled the hot loops
 * before the measurement starts and its compile threads' CPU time stays out of the figure. The SIMD
 * kernels (Vector API) need the longest: until C2 has compiled them they run as slow Java, and a
 * whole augment variant, which calls them all, took about 3 s to reach its steady rate.
 */
public final class ImageThroughput {

    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ImageThroughput() {}

    public static void main(String[] args) throws Exception {
        Set<String> only = Set.copyOf(Arrays.asList(args).subList(1, args.length));
        System.err.println("image kernels: " + VectorSupport.describe());
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Path.of(args[0]))) {
            for (Path p : paths.sorted().toList()) {
                String name = p.toString();
                if (name.endsWith(".jpg") || name.endsWith(".png")) {
                    files.add(Files.readAllBytes(p));
                }
            }
        }
        ImageDecoder decoder = new ImageDecoder(0xFFFFFF);
        ImageNormalizer normalizer = new ImageNormalizer(224);
        report(
                only,
                "pipeline",
                files.size(),
                i -> {
                    RgbImage img = decode(decoder, files.get(i));
                    RgbImage crop = Geometry.flipHorizontal(normalizer.normalize(img));
                    return PixelCodec.tensor(crop, MEAN, STD).length + PixelCodec.png(crop).length;
                });
        report(only, "decode", files.size(), i -> decode(decoder, files.get(i)).width());

        List<RgbImage> crops = new ArrayList<>();
        for (byte[] f : files) {
            crops.add(normalizer.normalize(decode(decoder, f)));
        }
        SplittableRandom random = new SplittableRandom(1);
        Map<String, UnaryOperator<RgbImage>> ops = new LinkedHashMap<>();
        // The floor of every operator that returns a new image: read the input, write a fresh
        // output array (in the JVM: zeroed, from not-yet-cached young-generation memory).
        ops.put("copy", img -> new RgbImage(img.width(), img.height(), img.rgb().clone()));
        ops.put("hflip", Geometry::flipHorizontal);
        ops.put("vflip", Geometry::flipVertical);
        ops.put("rotate", img -> PixelOps.rotate(img, 15, 0xFFFFFF));
        ops.put("resized_crop", img -> PixelOps.resizedCrop(img, 20, 30, 150, 160));
        ops.put("scale", img -> PixelOps.scale(img, 0.8, 0xFFFFFF));
        ops.put("colour_jitter", img -> PixelOps.colourJitter(img, 1.2, 0.8, 1.2, 0.05));
        ops.put("gaussian_noise", img -> PixelOps.gaussianNoise(img, 10, random));
        ops.put("gaussian_blur", img -> PixelOps.gaussianBlur(img, 1.5));
        for (Map.Entry<String, UnaryOperator<RgbImage>> op : ops.entrySet()) {
            report(only, op.getKey(), crops.size(), i -> op.getValue().apply(crops.get(i)).width());
        }
        // The same operators writing into one preallocated destination, as bench.py's "_into"
        // steps do with OpenCV's dst= and numpy's out=: the operator's own cost, without the
        // allocator's (a fresh Java array is zeroed, cold memory; malloc reuses a warm block).
        byte[] buf = new byte[crops.get(0).rgb().length];
        Map<String, IntoOp> into = new LinkedHashMap<>();
        into.put(
                "copy_into",
                (img, dst) -> {
                    System.arraycopy(img.rgb(), 0, dst, 0, dst.length);
                    return img;
                });
        into.put("hflip_into", (img, dst) -> Geometry.flipHorizontal(img, dst));
        into.put("vflip_into", (img, dst) -> Geometry.flipVertical(img, dst));
        into.put("rotate_into", (img, dst) -> PixelOps.rotate(img, 15, 0xFFFFFF, dst));
        into.put(
                "resized_crop_into",
                (img, dst) -> PixelOps.resizedCrop(img, 20, 30, 150, 160, dst));
        into.put("scale_into", (img, dst) -> PixelOps.scale(img, 0.8, 0xFFFFFF, dst));
        // Same Java work; bench.py's counterpart uses the antialiasing resize (INTER_AREA) instead
        // of warpAffine's bilinear sampling.
        into.put("scale_area_into", (img, dst) -> PixelOps.scale(img, 0.8, 0xFFFFFF, dst));
        into.put(
                "colour_jitter_into",
                (img, dst) -> PixelOps.colourJitter(img, 1.2, 0.8, 1.2, 0.05, dst));
        into.put("gaussian_noise_into", (img, dst) -> PixelOps.gaussianNoise(img, 10, random, dst));
        into.put("gaussian_blur_into", (img, dst) -> PixelOps.gaussianBlur(img, 1.5, dst));
        for (Map.Entry<String, IntoOp> op : into.entrySet()) {
            report(
                    only,
                    op.getKey(),
                    crops.size(),
                    i -> op.getValue().apply(crops.get(i), buf).width());
        }
        // Java only: whole variants as the augment stage makes them, every operator with
        // probability 0.5 (the chain runs through the augmenter's scratch buffers). Into-buffer
        // steps above are lambdas, resolved only when run, so this step also runs against
        // older operator classes (run.sh BASELINE_CLASSES) that lack them.
        ImageAugmenter augmenter =
                new ImageAugmenter(
                        new ImageAugmentPolicy(
                                1, Map.of(), 16, 0.5, 0.5, 0.5, 15, 0.5, 0.5, 0.5, 0.2, 0.5, 0.2,
                                0.2, 0.2, 0.05, 0.5, 10, 0.5, 1.5),
                        42,
                        0xFFFFFF);
        int[] variant = {0};
        report(
                only,
                "augment_variant",
                crops.size(),
                i ->
                        augmenter
                                .variant(crops.get(i), "img" + i, 1 + variant[0]++ % 8)
                                .image()
                                .width());
    }

    private interface IntoOp {
        RgbImage apply(RgbImage src, byte[] dst);
    }

    private interface Step {
        int run(int index) throws Exception;
    }

    private static void report(Set<String> only, String name, int n, Step step) throws Exception {
        if (!only.isEmpty() && !only.contains(name)) {
            return;
        }
        long sink = 0;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; i < Math.max(n, 50) || System.nanoTime() < warmUpEnd; i++) {
            sink += step.run(i % n);
        }
        long start = System.nanoTime();
        long cpuStart = OS.getProcessCpuTime();
        long count = 0;
        while (System.nanoTime() - start < MEASURE_NANOS) {
            sink += step.run((int) (count % n));
            count++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (OS.getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf("java %s %.1f %.1f%n", name, count / cpuSeconds, count / seconds);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static RgbImage decode(ImageDecoder decoder, byte[] bytes)
            throws ImageRejection, IOException {
        return decoder.decode(bytes, ImageHeader.probe(bytes, 100_000_000L));
    }
}

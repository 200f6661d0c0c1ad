package io.streamprep.operators.image.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.operators.image.Geometry;
import io.streamprep.operators.image.ImageDecoder;
import io.streamprep.operators.image.ImageHeader;
import io.streamprep.operators.image.ImageNormalizer;
import io.streamprep.operators.image.Resampler;
import io.streamprep.operators.image.RgbImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operator's output on real icons, pinned by SHA-256 digests (first 16 bytes) recorded from
 * the allocating operators and augmenter of main at {@code 1cf522c}, before the into-buffer forms
 * existed: a speed change that alters a single byte fails here. The into-buffer forms must give the
 * same bytes whatever the destination held before, and leave the source alone.
 */
class PixelOpsGoldenTest {

    private static final Map<String, String> GOLDEN =
            Map.ofEntries(
                    Map.entry("hflip", "66424a6bd5b70456ed24224df8cf2722"),
                    Map.entry("vflip", "ed1b7902b7b2e5c888f114302459833d"),
                    Map.entry("rotate 15.0", "5ffe2bf776360cbb23b84ff207c4f1b9"),
                    Map.entry("rotate -7.3", "d1a52e87d50435a81b4e5d05f5d46125"),
                    Map.entry("rotate 33.0", "919e3e74e3dc5d008bee8861095f045a"),
                    Map.entry("rotate 90.0", "ca89272bfed5f171743bffa3b83d6248"),
                    Map.entry("rotate 180.0", "56f43a04a3abb4654367d989643f9475"),
                    Map.entry("rotate 270.0", "c5228af2a4dacd49ed9fc8ee1a378fc2"),
                    Map.entry("rotate 0.0", "53c825b2162910cac537bc5d80adfd21"),
                    Map.entry("rotate -90.0", "c5228af2a4dacd49ed9fc8ee1a378fc2"),
                    Map.entry("crop a", "3f863a199c523bb6926cebc46c2f3904"),
                    Map.entry("crop b", "53c825b2162910cac537bc5d80adfd21"),
                    Map.entry("crop bench", "ee2c182d62b9262177240ffb9b18c79a"),
                    Map.entry("crop c", "22d95f6b7e12781631bf06a0f0cb3a60"),
                    Map.entry("scale 0.8", "974719d2ea64a156159bcf975fc901ef"),
                    Map.entry("scale 1.25", "efb7278769ccdacdce0cb31539cdac96"),
                    Map.entry("scale 0.5", "2c47e9a4c8a71ad7e2702a079e36d6ed"),
                    Map.entry("scale 1.0", "53c825b2162910cac537bc5d80adfd21"),
                    Map.entry("scale 0.93", "0bb9e112fb0d7fa0b60269adca1478ef"),
                    Map.entry("jitter a", "84bb1b2d2aa9ae68375231746f576095"),
                    Map.entry("jitter b", "f5a9c70d86784e83c9e559b0c6fe7554"),
                    Map.entry("jitter c", "53c825b2162910cac537bc5d80adfd21"),
                    Map.entry("noise", "f98bff3414291e24cdd9a1b01b0daf98"),
                    Map.entry("blur 0.5", "4a836c077ce770236b06665ba7f4ec72"),
                    Map.entry("blur 1.5", "938c8341c264efd8675a31d2ff53e64f"),
                    Map.entry("blur 3.0", "e5e03feaa8cfdfd1121e6313e9158e75"));

    private static final List<RgbImage> IMAGES = new ArrayList<>();

    @BeforeAll
    static void loadRealImages() throws Exception {
        ImageDecoder decoder = new ImageDecoder(0xFFFFFF);
        List<Path> icons;
        try (Stream<Path> files = Files.list(Path.of("/usr/share/icons/Tango/32x32/apps"))) {
            icons =
                    files.filter(p -> p.toString().endsWith(".png"))
                            .filter(p -> !Files.isSymbolicLink(p))
                            .sorted()
                            .limit(6)
                            .toList();
        }
        for (Path icon : icons) {
            byte[] png = Files.readAllBytes(icon);
            RgbImage img =
                    new ImageNormalizer(64)
                            .normalize(decoder.decode(png, ImageHeader.probe(png, 1 << 20)));
            IMAGES.add(img);
            // Non-square, odd sizes and a one-pixel row: edges and tails of every loop.
            IMAGES.add(Resampler.resize(img, 57, 43));
            IMAGES.add(Resampler.resize(img, 9, 1));
        }
        // The benchmark's size.
        IMAGES.add(Resampler.resize(IMAGES.get(0), 224, 224));
        assertThat(IMAGES).hasSize(19);
    }

    /** An operator in both forms: allocating, and into a destination. */
    private record Op(
            UnaryOperator<RgbImage> allocating, BiFunction<RgbImage, byte[], RgbImage> into) {}

    private static Map<String, Op> ops() {
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("hflip", new Op(Geometry::flipHorizontal, Geometry::flipHorizontal));
        ops.put("vflip", new Op(Geometry::flipVertical, Geometry::flipVertical));
        for (double deg : new double[] {15, -7.3, 33, 90, 180, 270, 0, -90}) {
            ops.put(
                    "rotate " + deg,
                    new Op(
                            img -> PixelOps.rotate(img, deg, 0x336699),
                            (img, dst) -> PixelOps.rotate(img, deg, 0x336699, dst)));
        }
        ops.put(
                "crop a",
                crop(img -> new double[] {3.2, 0.1, img.width() / 2.0, img.height() * 0.7}));
        ops.put("crop b", crop(img -> new double[] {0, 0, img.width(), img.height()}));
        ops.put(
                "crop bench",
                crop(
                        img -> {
                            double sx = img.width() / 224.0;
                            double sy = img.height() / 224.0;
                            return new double[] {20 * sx, 30 * sy, 150 * sx, 160 * sy};
                        }));
        ops.put("crop c", crop(img -> new double[] {1, 0, img.width() - 1.5, img.height()}));
        for (double f : new double[] {0.8, 1.25, 0.5, 1.0, 0.93}) {
            ops.put(
                    "scale " + f,
                    new Op(
                            img -> PixelOps.scale(img, f, 0x336699),
                            (img, dst) -> PixelOps.scale(img, f, 0x336699, dst)));
        }
        ops.put("jitter a", jitter(1.2, 0.8, 1.2, 0.05));
        ops.put("jitter b", jitter(0.7, 1.3, 0.6, -0.1));
        ops.put("jitter c", jitter(1, 1, 1, 0));
        ops.put(
                "noise",
                new Op(
                        img -> PixelOps.gaussianNoise(img, 10, new SplittableRandom(img.width())),
                        (img, dst) ->
                                PixelOps.gaussianNoise(
                                        img, 10, new SplittableRandom(img.width()), dst)));
        for (double s : new double[] {0.5, 1.5, 3.0}) {
            ops.put(
                    "blur " + s,
                    new Op(
                            img -> PixelOps.gaussianBlur(img, s),
                            (img, dst) -> PixelOps.gaussianBlur(img, s, dst)));
        }
        return ops;
    }

    private static Op crop(java.util.function.Function<RgbImage, double[]> rect) {
        return new Op(
                img -> {
                    double[] r = rect.apply(img);
                    return PixelOps.resizedCrop(img, r[0], r[1], r[2], r[3]);
                },
                (img, dst) -> {
                    double[] r = rect.apply(img);
                    return PixelOps.resizedCrop(img, r[0], r[1], r[2], r[3], dst);
                });
    }

    private static Op jitter(double b, double c, double s, double h) {
        return new Op(
                img -> PixelOps.colourJitter(img, b, c, s, h),
                (img, dst) -> PixelOps.colourJitter(img, b, c, s, h, dst));
    }

    @Test
    void allocatingOperatorsGiveTheRecordedBytes() throws Exception {
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, Op> op : ops().entrySet()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RgbImage img : IMAGES) {
                update(sha, op.getValue().allocating().apply(img));
            }
            actual.put(op.getKey(), hex(sha));
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(GOLDEN);
    }

    @Test
    void intoBufferOperatorsGiveTheSameBytesOverAnyDestinationAndKeepTheSource() throws Exception {
        SplittableRandom garbage = new SplittableRandom(3);
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, Op> op : ops().entrySet()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RgbImage img : IMAGES) {
                byte[] before = img.rgb().clone();
                // A destination holding another image's bytes: every byte must be overwritten.
                byte[] dst = new byte[before.length];
                for (int i = 0; i < dst.length; i++) {
                    dst[i] = (byte) garbage.nextInt(256);
                }
                RgbImage out = op.getValue().into().apply(img, dst);
                assertThat(out.rgb()).as(op.getKey()).isSameAs(dst);
                assertThat(img.rgb()).as(op.getKey() + " source").isEqualTo(before);
                assertThat(out).as(op.getKey()).isEqualTo(op.getValue().allocating().apply(img));
                update(sha, out);
            }
            actual.put(op.getKey(), hex(sha));
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(GOLDEN);
    }

    @Test
    void destinationsOfAnotherSizeOrTheSourceItselfAreRejected() {
        RgbImage img = IMAGES.get(1);
        for (Map.Entry<String, Op> op : ops().entrySet()) {
            BiFunction<RgbImage, byte[], RgbImage> into = op.getValue().into();
            assertThatThrownBy(() -> into.apply(img, new byte[img.rgb().length - 3]))
                    .as(op.getKey())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("destination of 7350 bytes")
                    .hasMessageContaining("57x43")
                    .hasMessageContaining("7353");
            byte[] before = img.rgb().clone();
            assertThatThrownBy(() -> into.apply(img, img.rgb()))
                    .as(op.getKey())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("in place");
            assertThat(img.rgb()).isEqualTo(before);
        }
    }

    @Test
    void bufferedAugmenterGivesTheRecordedVariantsInFreshArrays() throws Exception {
        Map<String, String> expected =
                Map.of(
                        "augment 0.5",
                        "7ccecbadc168e9d25743cfd73677b337",
                        "augment 1.0",
                        "b1064871acc3ad90040e708e07387fed");
        for (double p : new double[] {0.5, 1.0}) {
            ImageAugmentPolicy policy =
                    new ImageAugmentPolicy(
                            1, Map.of(), 16, p, p, p, 15, p, 0.5, p, 0.2, p, 0.2, 0.2, 0.2, 0.05, p,
                            10, p, 1.5);
            ImageAugmenter buffered = new ImageAugmenter(policy, 7, 0xFFFFFF);
            AllocatingAugmenter allocating = new AllocatingAugmenter(policy, 7, 0xFFFFFF);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < IMAGES.size(); i++) {
                RgbImage source = IMAGES.get(i);
                byte[] before = source.rgb().clone();
                List<byte[]> arrays = new ArrayList<>();
                for (int v = 1; v <= 8; v++) {
                    ImageAugmenter.Variant out = buffered.variant(source, "id" + i, v);
                    ImageAugmenter.Variant reference = allocating.variant(source, "id" + i, v);
                    assertThat(out.operations()).isEqualTo(reference.operations());
                    assertThat(out.image()).isEqualTo(reference.image());
                    assertThat(out.image().rgb()).isNotSameAs(source.rgb());
                    for (byte[] earlier : arrays) {
                        assertThat(out.image().rgb()).isNotSameAs(earlier);
                    }
                    arrays.add(out.image().rgb());
                    sha.update(out.operations().getBytes(StandardCharsets.UTF_8));
                    sha.update(out.image().rgb());
                }
                assertThat(source.rgb()).isEqualTo(before);
                // Earlier variants are not overwritten by later ones through shared buffers.
                for (int v = 1; v <= 8; v++) {
                    assertThat(arrays.get(v - 1))
                            .isEqualTo(allocating.variant(source, "id" + i, v).image().rgb());
                }
            }
            assertThat(hex(sha)).as("policy p=" + p).isEqualTo(expected.get("augment " + p));
        }
    }

    private static void update(MessageDigest sha, RgbImage out) {
        sha.update((byte) out.width());
        sha.update((byte) out.height());
        sha.update(out.rgb());
    }

    private static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    }
}

package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Near-duplicate quality of pHash + {@link HammingModel} on real images: every distinct 32x32 Tango
 * icon against copies made here with AWT and ImageIO (resized, re-encoded as JPEG, cropped,
 * brightness-shifted). Ground truth: a copy's only true match is its own original; every other
 * original is unrelated. Candidates come from the model's band keys, as in the streaming operator,
 * and are confirmed by its similarity threshold.
 */
class PerceptualHashQualityTest {

    private static final int MAX_DISTANCE = 6;

    /**
     * Originals closer than this mean absolute pixel difference (levels of 255) are variants of one
     * picture (face-plain vs face-smile, audio-volume-low vs -medium): matching them is not a false
     * positive. Pixel space, independent of the hash.
     */
    private static final double SIBLING_MAE = 8.0;

    private static final List<RgbImage> ORIGINALS = new ArrayList<>();
    private static final List<String> NAMES = new ArrayList<>();
    private static final HammingModel MODEL = new HammingModel(MAX_DISTANCE);
    private static final Map<Long, List<Integer>> INDEX = new HashMap<>();
    private static final long[] HASHES = new long[2000];

    @BeforeAll
    static void indexOriginals() throws Exception {
        Set<String> seen = new HashSet<>();
        for (Path icon : TestImages.tango32(Integer.MAX_VALUE)) {
            byte[] png = TestImages.bytes(icon);
            RgbImage image =
                    new ImageDecoder(0xFFFFFF).decode(png, ImageHeader.probe(png, 1 << 20));
            // Distinct pixels only: some icons are copies of others under another name.
            if (seen.add(PixelCodec.fingerprint(image))) {
                ORIGINALS.add(image);
                NAMES.add(icon.getParent().getFileName() + "/" + icon.getFileName());
            }
        }
        for (int i = 0; i < ORIGINALS.size(); i++) {
            HASHES[i] = PerceptualHash.phash(ORIGINALS.get(i));
            for (long key : MODEL.bandKeys(PerceptualHash.toBytes(HASHES[i]))) {
                INDEX.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
    }

    @Test
    void resizedAndReencodedCopiesAreFoundAndUnrelatedImagesAreNot() {
        assertThat(ORIGINALS).hasSizeGreaterThan(200);
        Map<String, UnaryOperator<RgbImage>> easy = new LinkedHashMap<>();
        easy.put("resized 32->24", img -> awtResize(img, 24, 24));
        easy.put("resized 32->64", img -> awtResize(img, 64, 64));
        easy.put("jpeg q75", img -> jpeg(img, 0.75f));
        easy.put("jpeg q50", img -> jpeg(img, 0.50f));
        Figures[] sum = sweep(easy);
        Figures chosen = sum[MAX_DISTANCE];
        assertThat(chosen.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(chosen.precision()).isGreaterThanOrEqualTo(0.97);
        // Stricter thresholds trade recall for precision, monotonically.
        assertThat(sum[2].recall()).isLessThan(chosen.recall());
        assertThat(sum[2].strictPrecision()).isGreaterThan(chosen.strictPrecision());
    }

    @Test
    void harderTransformsAreReported() {
        Map<String, UnaryOperator<RgbImage>> hard = new LinkedHashMap<>();
        hard.put("resized 32->20x28 (aspect)", img -> awtResize(img, 20, 28));
        hard.put("cropped 1px border (88% area)", img -> crop(img, 1));
        hard.put("cropped 2px border (77% area)", img -> crop(img, 2));
        hard.put("brightness +10%", img -> brightness(img, 1.1, 0));
        hard.put("brightness +25 levels", img -> brightness(img, 1.0, 25));
        hard.put("brightness -20%", img -> brightness(img, 0.8, 0));
        for (Map.Entry<String, UnaryOperator<RgbImage>> t : hard.entrySet()) {
            Figures f = sweep(Map.of(t.getKey(), t.getValue()))[MAX_DISTANCE];
            // Crops of a 32-pixel icon lose most matches (reported); none may add false ones.
            assertThat(f.precision()).as(t.getKey()).isGreaterThan(0.9);
            if (t.getKey().startsWith("brightness")) {
                assertThat(f.recall()).as(t.getKey()).isGreaterThan(0.8);
            }
        }
    }

    /**
     * Figures per maximum distance 0..10 over all copies made by the transforms (brute force over
     * the originals; that the band keys find the same pairs is checked separately), printed.
     */
    private static Figures[] sweep(Map<String, UnaryOperator<RgbImage>> transforms) {
        Figures[] sum = new Figures[11];
        for (int d = 0; d <= 10; d++) {
            sum[d] = new Figures();
        }
        for (Map.Entry<String, UnaryOperator<RgbImage>> t : transforms.entrySet()) {
            Figures[] byDistance = new Figures[11];
            for (int d = 0; d <= 10; d++) {
                byDistance[d] = new Figures();
            }
            for (int i = 0; i < ORIGINALS.size(); i++) {
                long hash = PerceptualHash.phash(t.getValue().apply(ORIGINALS.get(i)));
                for (int c = 0; c < ORIGINALS.size(); c++) {
                    int distance = PerceptualHash.distance(hash, HASHES[c]);
                    for (int d = distance; d <= 10; d++) {
                        if (c == i) {
                            byDistance[d].truePositives++;
                        } else if (mae(ORIGINALS.get(i), ORIGINALS.get(c)) < SIBLING_MAE) {
                            byDistance[d].siblings++;
                        } else {
                            byDistance[d].falsePositives++;
                        }
                    }
                }
                for (int d = 0; d <= 10; d++) {
                    byDistance[d].copies++;
                }
            }
            for (int d = 2; d <= 10; d += 2) {
                System.out.printf("pHash d<=%-2d %-30s %s%n", d, t.getKey(), byDistance[d]);
                sum[d].add(byDistance[d]);
            }
            for (int d = 0; d <= 10; d++) {
                if (d % 2 != 0) {
                    sum[d].add(byDistance[d]);
                }
            }
        }
        if (transforms.size() > 1) {
            for (int d = 2; d <= 10; d += 2) {
                System.out.printf("pHash d<=%-2d %-30s %s%n", d, "all of the above", sum[d]);
            }
        }
        return sum;
    }

    @Test
    void multiIndexFindsEveryPairWithinTheDistance() {
        // Pigeonhole: the band keys must surface every pair a brute-force scan finds.
        int brute = 0;
        int banded = 0;
        for (int i = 0; i < ORIGINALS.size(); i++) {
            Set<Integer> candidates = new HashSet<>();
            for (long key : MODEL.bandKeys(PerceptualHash.toBytes(HASHES[i]))) {
                candidates.addAll(INDEX.get(key));
            }
            for (int j = i + 1; j < ORIGINALS.size(); j++) {
                if (PerceptualHash.distance(HASHES[i], HASHES[j]) <= MAX_DISTANCE) {
                    brute++;
                    if (candidates.contains(j)) {
                        banded++;
                    }
                }
            }
        }
        assertThat(banded).isEqualTo(brute);
    }

    static double mae(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int k = 0; k < a.rgb().length; k++) {
            sum += Math.abs((a.rgb()[k] & 0xFF) - (b.rgb()[k] & 0xFF));
        }
        return (double) sum / a.rgb().length;
    }

    /** Counts of one run: copies, copies matched to their original, matches to other images. */
    private static final class Figures {
        int copies;
        int truePositives;
        int falsePositives;
        int siblings;

        double recall() {
            return (double) truePositives / copies;
        }

        double precision() {
            return truePositives + falsePositives == 0
                    ? 1.0
                    : (double) truePositives / (truePositives + falsePositives);
        }

        double strictPrecision() {
            return (double) truePositives / (truePositives + falsePositives + siblings);
        }

        void add(Figures other) {
            copies += other.copies;
            truePositives += other.truePositives;
            falsePositives += other.falsePositives;
            siblings += other.siblings;
        }

        @Override
        public String toString() {
            return String.format(
                    "copies %d recall %.4f precision %.4f (unrelated matches %d) strict"
                            + " precision %.4f (sibling-icon matches %d)",
                    copies, recall(), precision(), falsePositives, strictPrecision(), siblings);
        }
    }

    private static BufferedImage toAwt(RgbImage img) {
        return awtOf(TestImages.encode(img, "bmp"));
    }

    private static BufferedImage awtOf(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RgbImage fromAwt(BufferedImage image) {
        BufferedImage rgb =
                new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        byte[] bmp = bytes(rgb, "bmp");
        try {
            return new ImageDecoder(0xFFFFFF).decode(bmp, ImageHeader.probe(bmp, 1 << 20));
        } catch (ImageRejection e) {
            throw new IllegalStateException(e);
        }
    }

    private static RgbImage awtResize(RgbImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(toAwt(img), 0, 0, w, h, null);
        g.dispose();
        return fromAwt(out);
    }

    private static RgbImage jpeg(RgbImage img, float quality) {
        BufferedImage in = toAwt(img);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(in, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return fromAwt(awtOf(out.toByteArray()));
    }

    private static RgbImage crop(RgbImage img, int border) {
        return fromAwt(
                toAwt(img)
                        .getSubimage(
                                border,
                                border,
                                img.width() - 2 * border,
                                img.height() - 2 * border));
    }

    private static RgbImage brightness(RgbImage img, double factor, int shift) {
        byte[] out = img.rgb().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] =
                    (byte) Math.min(255, Math.max(0, Math.round((out[i] & 0xFF) * factor) + shift));
        }
        return new RgbImage(img.width(), img.height(), out);
    }

    private static byte[] bytes(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

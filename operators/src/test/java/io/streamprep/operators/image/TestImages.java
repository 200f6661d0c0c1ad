package io.streamprep.operators.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Real images for tests (Debian's tango-icon-theme, public domain, installed by
 * deploy/local/test-deps.sh) and a corpus of bad images built from them.
 */
final class TestImages {

    static final Path TANGO = Path.of("/usr/share/icons/Tango");

    private TestImages() {}

    /** The 32x32 Tango PNGs, sorted by path, at most {@code limit}. */
    static List<Path> tango32(int limit) {
        try (Stream<Path> files = Files.walk(TANGO.resolve("32x32"))) {
            return files.filter(p -> p.toString().endsWith(".png"))
                    .filter(p -> !Files.isSymbolicLink(p))
                    .sorted()
                    .limit(limit)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Tango icons missing: install tango-icon-theme (deploy/local/test-deps.sh)", e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes the image as {@code format} (png, jpg, bmp, gif) through ImageIO. */
    static byte[] encode(RgbImage image, String format) {
        BufferedImage out =
                new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[image.width() * image.height()];
        byte[] rgb = image.rgb();
        for (int i = 0; i < argb.length; i++) {
            argb[i] =
                    (rgb[i * 3] & 0xFF) << 16
                            | (rgb[i * 3 + 1] & 0xFF) << 8
                            | rgb[i * 3 + 2] & 0xFF;
        }
        out.setRGB(0, 0, image.width(), image.height(), argb, 0, image.width());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(out, format, bytes)) {
                throw new IllegalArgumentException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A valid PNG signature and IHDR chunk declaring the size, and nothing else. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13);
        int typeAt = b.position();
        b.put(new byte[] {'I', 'H', 'D', 'R'});
        b.putInt(width).putInt(height);
        b.put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(b.array(), typeAt, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Deterministic random bytes. */
    static byte[] randomBytes(long seed, int n) {
        byte[] out = new byte[n];
        new java.util.SplittableRandom(seed).nextBytes(out);
        return out;
    }
}

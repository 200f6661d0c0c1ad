package io.streamprep.operators.image;

import io.streamprep.schemas.records.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * What an encoded image's header says, read without decoding any pixel data: the format and the
 * dimensions of its first frame.
 *
 * <p>{@link #probe} accepts PNG, JPEG, GIF and BMP only, and rejects, before any decoding: zero
 * bytes and zero dimensions ({@code empty_image}), other or unknown formats ({@code
 * unsupported_image_format}), unreadable headers ({@code corrupt_image}) and more than {@code
 * maxPixels} pixels ({@code decompression_bomb}). Never throws anything else.
 *
 * @param format {@code png}, {@code jpeg}, {@code gif} or {@code bmp}
 * @param width pixel width of the first frame
 * @param height pixel height of the first frame
 */
public record ImageHeader(String format, int width, int height) {

    static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp");

    /**
     * Reads the header of {@code bytes}.
     *
     * @throws ImageRejection with the reason, if the image must not be decoded
     */
    public static ImageHeader probe(byte[] bytes, long maxPixels) throws ImageRejection {
        if (bytes.length == 0) {
            throw new ImageRejection(RejectReason.EMPTY_IMAGE, "the image has zero bytes");
        }
        // An in-memory stream: ImageIO.createImageInputStream would cache to a temporary file.
        try (ImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageRejection(
                        RejectReason.UNSUPPORTED_IMAGE_FORMAT,
                        "not a PNG, JPEG, GIF or BMP image (magic bytes " + magic(bytes) + ")");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (format.equals("jpg")) {
                    format = "jpeg";
                }
                if (!FORMATS.contains(format)) {
                    throw new ImageRejection(
                            RejectReason.UNSUPPORTED_IMAGE_FORMAT,
                            "image format " + format + " is not one of png, jpeg, gif, bmp");
                }
                reader.setInput(in, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    if (declaresZeroSize(format, bytes)) {
                        throw new ImageRejection(
                                RejectReason.EMPTY_IMAGE,
                                "the " + format + " header declares a width or height of 0");
                    }
                    throw e;
                }
                return checked(format, width, height, maxPixels);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageRejection(
                    RejectReason.CORRUPT_IMAGE, "unreadable image header: " + describe(e));
        }
    }

    private static ImageHeader checked(String format, int width, int height, long maxPixels)
            throws ImageRejection {
        if (width <= 0 || height <= 0) {
            throw new ImageRejection(
                    RejectReason.EMPTY_IMAGE,
                    "the " + format + " header declares " + width + "x" + height + " pixels");
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageRejection(
                    RejectReason.DECOMPRESSION_BOMB,
                    "the "
                            + format
                            + " header declares "
                            + width
                            + "x"
                            + height
                            + " = "
                            + pixels
                            + " pixels, more than image.max-pixels = "
                            + maxPixels);
        }
        return new ImageHeader(format, width, height);
    }

    /**
     * ImageIO's readers refuse a zero width or height as a generic error; read the fields
     * themselves so the reason is {@code empty_image}.
     */
    private static boolean declaresZeroSize(String format, byte[] b) {
        return switch (format) {
            case "png" -> b.length >= 24 && (int32(b, 16, false) == 0 || int32(b, 20, false) == 0);
            case "gif" -> b.length >= 10 && (int16(b, 6) == 0 || int16(b, 8) == 0);
            case "bmp" -> b.length >= 26 && (int32(b, 18, true) == 0 || int32(b, 22, true) == 0);
            default -> false;
        };
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int at, boolean little) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int octet = b[little ? at + 3 - i : at + i] & 0xFF;
            v = v << 8 | octet;
        }
        return v;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String magic(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            hex.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return hex.toString();
    }
}

package io.streamprep.operators.image;

import io.streamprep.schemas.records.RejectReason;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes the first frame of a PNG, JPEG, GIF or BMP into upright {@link RgbImage} pixels: EXIF
 * orientation applied (JPEG), transparency flattened onto a background colour, any colour model
 * (palette, grey, 16-bit) converted to 8-bit RGB.
 *
 * <p>Call it only on bytes {@link ImageHeader#probe} accepted, so the pixel count is bounded. Every
 * decoding failure, including the warnings ImageIO raises for truncated data (it would otherwise
 * return a half-grey picture), is an {@link ImageRejection} with reason {@code corrupt_image};
 * nothing else is thrown. Thread-safe.
 */
public final class ImageDecoder {

    private final int background;

    /**
     * @param background the colour ({@code 0xRRGGBB}) transparent pixels are flattened onto
     */
    public ImageDecoder(int background) {
        this.background = background & 0xFFFFFF;
    }

    public RgbImage decode(byte[] bytes, ImageHeader header) throws ImageRejection {
        BufferedImage image = read(bytes);
        RgbImage rgb = flatten(image);
        if ("jpeg".equals(header.format())) {
            rgb = Geometry.upright(rgb, ExifOrientation.of(bytes));
        }
        return rgb;
    }

    private static BufferedImage read(byte[] bytes) throws ImageRejection {
        List<String> warnings = new ArrayList<>(1);
        // An in-memory stream: ImageIO.createImageInputStream would cache to a temporary file.
        try (ImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageRejection(
                        RejectReason.UNSUPPORTED_IMAGE_FORMAT, "no decoder for the image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new ImageRejection(
                            RejectReason.CORRUPT_IMAGE,
                            "damaged image data: " + String.join("; ", warnings));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageRejection(
                    RejectReason.CORRUPT_IMAGE,
                    "cannot decode the image: " + ImageHeader.describe(e));
        }
    }

    private RgbImage flatten(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage bgr;
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            bgr = image;
        } else {
            bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = bgr.createGraphics();
            try {
                g.setColor(new Color(background));
                g.fillRect(0, 0, w, h);
                g.setComposite(AlphaComposite.SrcOver);
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = data[i + 2];
            rgb[i + 1] = data[i + 1];
            rgb[i + 2] = data[i];
        }
        return new RgbImage(w, h, rgb);
    }
}

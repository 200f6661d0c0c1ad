package io.streamprep.operators.image;

import io.streamprep.operators.common.StableHash;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Output encodings of processed pixels: PNG bytes, the normalized float32 tensor, and the pixel
 * fingerprint used for exact dedup.
 */
public final class PixelCodec {

    private PixelCodec() {}

    /** A PNG of the image (lossless, so decoding it gives the same pixels). */
    public static byte[] png(RgbImage image) {
        BufferedImage bgr =
                new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            data[i] = rgb[i + 2];
            data[i + 1] = rgb[i + 1];
            data[i + 2] = rgb[i];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(rgb.length / 2);
        try {
            ImageIO.write(bgr, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * The float32 tensor {@code (x / 255 - mean[c]) / std[c]} in CHW order, as little-endian bytes.
     */
    public static byte[] tensor(RgbImage image, double[] mean, double[] std) {
        int plane = image.width() * image.height();
        byte[] rgb = image.rgb();
        ByteBuffer out = ByteBuffer.allocate(plane * 3 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < 3; c++) {
            float scale = (float) (1.0 / (255.0 * std[c]));
            float shift = (float) (mean[c] / std[c]);
            for (int p = 0; p < plane; p++) {
                out.putFloat((rgb[p * 3 + c] & 0xFF) * scale - shift);
            }
        }
        return out.array();
    }

    /** Hex fingerprint of the pixels and their shape: equal exactly when the pixels are equal. */
    public static String fingerprint(RgbImage image) {
        String shape = image.width() + "x" + image.height() + ":";
        byte[] prefix = shape.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + image.rgb().length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(image.rgb(), 0, all, prefix.length, image.rgb().length);
        return StableHash.fingerprint(all);
    }
}

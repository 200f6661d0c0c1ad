package io.streamprep.operators.image;

import io.streamprep.schemas.config.ImageOptions;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Every {@link ImageOptions} knob, read once and checked.
 *
 * @param maxBytes largest encoded image
 * @param maxPixels largest width x height read from the header
 * @param fileRoots absolute, normalized folders file: URIs may point into
 * @param size output side length
 * @param background flattening colour, {@code 0xRRGGBB}
 * @param mean per-channel mean, [0, 1] scale
 * @param std per-channel std, [0, 1] scale
 * @param encoding RAW pixels or PNG
 * @param tensorMaxSize largest {@code size} for which the float tensor is written; 0 for never
 * @throws IllegalArgumentException naming the option, if a value is out of range
 */
public record ImageSettings(
        long maxBytes,
        long maxPixels,
        List<String> fileRoots,
        int size,
        int background,
        double[] mean,
        double[] std,
        ImageOptions.Encoding encoding,
        int tensorMaxSize)
        implements Serializable {

    /** Largest float tensor side: 128 x 128 x 3 x 4 bytes, base64, stays far below 1 MiB. */
    public static final int MAX_TENSOR_SIZE = 128;

    public ImageSettings {
        fileRoots = fileRoots.stream().map(ImageSettings::absolute).toList();
        positive(ImageOptions.MAX_BYTES.key(), maxBytes);
        positive(ImageOptions.MAX_PIXELS.key(), maxPixels);
        if (size < 1 || size > 4096) {
            throw new IllegalArgumentException(
                    ImageOptions.SIZE.key() + " must be in [1, 4096], but is " + size);
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException(
                    ImageOptions.MEAN.key()
                            + " and "
                            + ImageOptions.STD.key()
                            + " need three values (R;G;B)");
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException(
                        ImageOptions.STD.key() + " values must be positive");
            }
        }
        if (tensorMaxSize < 0 || tensorMaxSize > MAX_TENSOR_SIZE) {
            throw new IllegalArgumentException(
                    ImageOptions.TENSOR_MAX_SIZE.key()
                            + " must be in [0, "
                            + MAX_TENSOR_SIZE
                            + "], but is "
                            + tensorMaxSize);
        }
    }

    public static ImageSettings fromConfig(ReadableConfig config) {
        return new ImageSettings(
                config.get(ImageOptions.MAX_BYTES).getBytes(),
                config.get(ImageOptions.MAX_PIXELS),
                config.get(ImageOptions.FILE_ROOTS),
                config.get(ImageOptions.SIZE),
                parseColour(config.get(ImageOptions.BACKGROUND)),
                toArray(config.get(ImageOptions.MEAN)),
                toArray(config.get(ImageOptions.STD)),
                config.get(ImageOptions.ENCODING),
                config.get(ImageOptions.TENSOR_MAX_SIZE));
    }

    /** Whether output records carry the float tensor. */
    public boolean writesTensor() {
        return size <= tensorMaxSize;
    }

    static int parseColour(String text) {
        String hex = text.trim();
        if (hex.startsWith("#")) {
            hex = hex.substring(1);
        }
        if (hex.length() != 6 || !hex.toLowerCase(Locale.ROOT).matches("[0-9a-f]{6}")) {
            throw new IllegalArgumentException(
                    ImageOptions.BACKGROUND.key() + " must be #RRGGBB, but is '" + text + "'");
        }
        return Integer.parseInt(hex, 16);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String absolute(String folder) {
        return Path.of(folder).toAbsolutePath().normalize().toString();
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, but is " + value);
        }
    }
}

package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/** The image pipeline ({@code pipeline.kind: IMAGE}): ingest limits, normalization, output. */
public final class ImageOptions {

    /** How the processed pixels are written. */
    public enum Encoding {
        /** Raw uint8 pixels, HWC RGB, base64 in JSON. */
        RAW,
        /** A PNG of the processed image, base64 in JSON. */
        PNG
    }

    public static final ConfigOption<MemorySize> MAX_BYTES =
            key("image.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("10 mb"))
                    .withDescription(
                            "Largest accepted encoded image (inline or read from a URI); larger "
                                    + "ones are dead-lettered as image_too_large without decoding.");

    public static final ConfigOption<Long> MAX_PIXELS =
            key("image.max-pixels")
                    .longType()
                    .defaultValue(40_000_000L)
                    .withDescription(
                            "Largest accepted width x height, read from the image header before "
                                    + "decoding; larger images are dead-lettered as "
                                    + "decompression_bomb.");

    public static final ConfigOption<List<String>> FILE_ROOTS =
            key("image.file-roots")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Folders that file: image URIs may point into. A URI outside them, or "
                                    + "any file: URI when the list is empty, is dead-lettered as "
                                    + "image_unreadable, so a record cannot make the job read "
                                    + "arbitrary local files. Relative folders are resolved against "
                                    + "the working directory.");

    public static final ConfigOption<Integer> SIZE =
            key("image.size")
                    .intType()
                    .defaultValue(224)
                    .withDescription(
                            "Output side length: the shorter side is resized to this, then the "
                                    + "centre is cropped to size x size.");

    public static final ConfigOption<String> BACKGROUND =
            key("image.background")
                    .stringType()
                    .defaultValue("#FFFFFF")
                    .withDescription(
                            "Colour (#RRGGBB) that transparent pixels are flattened onto.");

    public static final ConfigOption<List<Double>> MEAN =
            key("image.mean")
                    .doubleType()
                    .asList()
                    .defaultValues(0.485, 0.456, 0.406)
                    .withDescription(
                            "Per-channel (R;G;B) mean on the [0, 1] scale, recorded in every output "
                                    + "record and used for the float tensor.");

    public static final ConfigOption<List<Double>> STD =
            key("image.std")
                    .doubleType()
                    .asList()
                    .defaultValues(0.229, 0.224, 0.225)
                    .withDescription(
                            "Per-channel (R;G;B) standard deviation on the [0, 1] scale, recorded "
                                    + "in every output record and used for the float tensor.");

    public static final ConfigOption<Encoding> ENCODING =
            key("image.encoding")
                    .enumType(Encoding.class)
                    .defaultValue(Encoding.RAW)
                    .withDescription(
                            "RAW writes uint8 pixels (HWC, RGB) in 'pixels'; PNG writes a PNG of "
                                    + "the processed image instead.");

    public static final ConfigOption<Integer> TENSOR_MAX_SIZE =
            key("image.tensor.max-size")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Also write the normalized float32 tensor (CHW, (x/255 - mean) / std, "
                                    + "little-endian, base64) when image.size is at most this; 0 "
                                    + "never. At most 128, so records stay under 1 MiB.");

    public static final ConfigOption<Boolean> NEAR_DEDUP_ENABLED =
            key("image.dedup.near.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Drop near-duplicate images (resized, re-encoded copies) after exact "
                                    + "dedup: 64-bit pHash of the normalized pixels within "
                                    + "image.dedup.near.max-distance bits of an earlier kept "
                                    + "image inside image.dedup.near.window, confirmed by their "
                                    + "8 x 8 grey thumbnails. Off by default: the thresholds were "
                                    + "tuned and measured on icons only (README, near duplicates).");

    public static final ConfigOption<Integer> NEAR_DEDUP_MAX_DISTANCE =
            key("image.dedup.near.max-distance")
                    .intType()
                    .defaultValue(8)
                    .withDescription(
                            "Most pHash bits (of 64) two images may differ in to be near "
                                    + "duplicates, in [0, 31]; similarity is 1 - distance / 64. "
                                    + "Pairs within it are candidates, confirmed by "
                                    + "image.dedup.near.max-thumbnail-difference.");

    public static final ConfigOption<Integer> NEAR_DEDUP_MAX_THUMBNAIL_DIFFERENCE =
            key("image.dedup.near.max-thumbnail-difference")
                    .intType()
                    .defaultValue(20)
                    .withDescription(
                            "Confirmation of pHash candidates: most grey levels (of 255) any cell "
                                    + "of the two images' 8 x 8 grey thumbnails may differ by, "
                                    + "after removing the mean difference (forgives uniform "
                                    + "brightness shifts; rejects sibling drawings that differ "
                                    + "strongly in one region). In [0, 255], or -1 to judge by the "
                                    + "pHash distance alone. Keeps 64 more bytes per kept image "
                                    + "in the index state.");

    public static final ConfigOption<Duration> NEAR_DEDUP_WINDOW =
            key("image.dedup.near.window")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "How far apart in event time two images may be to count as near "
                                    + "duplicates; the index state lives this long.");

    public static final ConfigOption<NearDedupOptions.Mode> NEAR_DEDUP_MODE =
            key("image.dedup.near.mode")
                    .enumType(NearDedupOptions.Mode.class)
                    .defaultValue(NearDedupOptions.Mode.DROP)
                    .withDescription(
                            "DROP sends near-duplicate images to the duplicates output; GROUP keeps "
                                    + "them with their cluster representative's split.");

    public static final ConfigOption<Boolean> HTTP_ENABLED =
            key("image.http.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Fetch http: and https: image URIs (Flink Async I/O). Off by default: "
                                    + "a record should not make the job call arbitrary hosts "
                                    + "unless asked; when off they are dead-lettered as "
                                    + "image_unreadable.");

    public static final ConfigOption<Duration> HTTP_TIMEOUT =
            key("image.http.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Time limit of one HTTP attempt (connect, headers and body); an "
                                    + "attempt over it counts as failed.");

    public static final ConfigOption<Integer> HTTP_RETRIES =
            key("image.http.retries")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Further attempts after a failed one (connection error, timeout, HTTP "
                                    + "5xx or 429); 4xx, oversize bodies and bad URIs are not "
                                    + "retried. After the last, the record is dead-lettered as "
                                    + "image_unreadable.");

    public static final ConfigOption<Integer> HTTP_CAPACITY =
            key("image.http.capacity")
                    .intType()
                    .defaultValue(32)
                    .withDescription(
                            "Most HTTP fetches in flight per parallel task (Async I/O capacity).");

    private ImageOptions() {}
}

package io.streamprep.schemas.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image record on its way through the image pipeline. After parsing it holds the encoded image
 * ({@link #encoded}); after normalization the decoded, resized and cropped pixels ({@link #pixels},
 * HWC RGB uint8) and their fingerprint, and no longer the encoded bytes.
 *
 * <p>It carries the record's original bytes so any later stage can dead-letter it as it arrived.
 *
 * @param id the record's id
 * @param eventTime event time in epoch millis ({@code ts}, else the source timestamp, else 0)
 * @param position where the record came from
 * @param original the record's original bytes (the JSON line)
 * @param label the class label, or {@code null}
 * @param caption the caption, or {@code null}
 * @param format the encoded format read from the header ({@code png}, {@code jpeg}, ...)
 * @param encoded the encoded image, or {@code null} once decoded
 * @param width pixel width (of the header before normalization, of {@link #pixels} after)
 * @param height pixel height
 * @param pixels decoded RGB pixels, row-major HWC, or {@code null} before normalization
 * @param fingerprint hex hash of the normalized pixels and their shape, or {@code null}
 * @param splitKey the id the split is derived from, or {@code null} for the record's own id
 * @param variant 0 for the original, 1.. for augmented variants
 * @param augmentations for variants, the operations with their parameters (JSON array text)
 * @param extraVariants augmented variants requested beyond the policy's count (set by class
 *     balancing, read by augmentation); 0 for variants
 */
public record ImageEvent(
        String id,
        long eventTime,
        String position,
        byte[] original,
        String label,
        String caption,
        String format,
        byte[] encoded,
        int width,
        int height,
        byte[] pixels,
        String fingerprint,
        String splitKey,
        int variant,
        String augmentations,
        int extraVariants) {

    public ImageEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(original, "original");
    }

    /** An event without extra variants requested (as parsed, before class balancing). */
    public ImageEvent(
            String id,
            long eventTime,
            String position,
            byte[] original,
            String label,
            String caption,
            String format,
            byte[] encoded,
            int width,
            int height,
            byte[] pixels,
            String fingerprint,
            String splitKey,
            int variant,
            String augmentations) {
        this(
                id,
                eventTime,
                position,
                original,
                label,
                caption,
                format,
                encoded,
                width,
                height,
                pixels,
                fingerprint,
                splitKey,
                variant,
                augmentations,
                0);
    }

    /** The id the split is derived from: {@link #splitKey()} if set, else the record's id. */
    public String splitId() {
        return splitKey != null ? splitKey : id;
    }

    /** This event with decoded pixels in place of the encoded bytes. */
    public ImageEvent withPixels(int newWidth, int newHeight, byte[] rgb, String newFingerprint) {
        return new ImageEvent(
                id,
                eventTime,
                position,
                original,
                label,
                caption,
                format,
                null,
                newWidth,
                newHeight,
                rgb,
                newFingerprint,
                splitKey,
                variant,
                augmentations,
                extraVariants);
    }

    /** An augmented variant of this (original) event. */
    public ImageEvent asVariant(int newVariant, byte[] rgb, String operationsJson) {
        return new ImageEvent(
                id,
                eventTime,
                position,
                original,
                label,
                caption,
                format,
                null,
                width,
                height,
                rgb,
                fingerprint,
                splitKey,
                newVariant,
                operationsJson,
                0);
    }

    public ImageEvent withSplitKey(String newSplitKey) {
        return new ImageEvent(
                id,
                eventTime,
                position,
                original,
                label,
                caption,
                format,
                encoded,
                width,
                height,
                pixels,
                fingerprint,
                newSplitKey,
                variant,
                augmentations,
                extraVariants);
    }

    /** This event with {@code extra} augmented variants requested by class balancing. */
    public ImageEvent withExtraVariants(int extra) {
        return new ImageEvent(
                id,
                eventTime,
                position,
                original,
                label,
                caption,
                format,
                encoded,
                width,
                height,
                pixels,
                fingerprint,
                splitKey,
                variant,
                augmentations,
                extra);
    }

    /** A dead letter for this event. */
    public DeadLetterRecord reject(RejectReason reason, String message, String stage) {
        return new DeadLetterRecord(reason.code(), message, stage, id, position, original);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageEvent e
                && eventTime == e.eventTime
                && width == e.width
                && height == e.height
                && variant == e.variant
                && extraVariants == e.extraVariants
                && id.equals(e.id)
                && position.equals(e.position)
                && Arrays.equals(original, e.original)
                && Objects.equals(label, e.label)
                && Objects.equals(caption, e.caption)
                && Objects.equals(format, e.format)
                && Arrays.equals(encoded, e.encoded)
                && Arrays.equals(pixels, e.pixels)
                && Objects.equals(fingerprint, e.fingerprint)
                && Objects.equals(splitKey, e.splitKey)
                && Objects.equals(augmentations, e.augmentations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, eventTime, position, fingerprint, variant);
    }

    @Override
    public String toString() {
        return "ImageEvent{id="
                + id
                + ", eventTime="
                + eventTime
                + ", "
                + width
                + "x"
                + height
                + (variant != 0 ? ", variant=" + variant : "")
                + (extraVariants != 0 ? ", extraVariants=" + extraVariants : "")
                + "}";
    }
}

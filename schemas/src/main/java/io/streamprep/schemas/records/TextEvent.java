package io.streamprep.schemas.records;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A text record on its way through the pipeline: the parsed record plus what later stages need.
 *
 * <p>It carries the original bytes so that a record rejected by any later stage can still be
 * dead-lettered exactly as it arrived. Events are immutable: nothing may modify the {@code
 * original} array, which Flink passes by reference between chained operators ({@link
 * TextEventSerializer}).
 *
 * @param record the parsed (and, after normalization, cleaned) record
 * @param eventTime event time in epoch millis: {@code ts} if present, else the source timestamp,
 *     else 0
 * @param position where the record came from (see {@link RawRecord#position()})
 * @param original the record's original bytes
 * @param fingerprint hex fingerprint of the normalized text, or {@code null} before normalization
 * @param splitKey the id the split is derived from: the record's near-duplicate cluster
 *     representative, or {@code null} for the record's own id
 * @param variant 0 for the original record, 1.. for augmented variants of it
 * @param augmentations for variants, the applied operations with their parameters as a JSON array
 *     text; {@code null} for originals
 * @param extraVariants augmented variants requested beyond the policy's default (set by class
 *     balancing, read by augmentation)
 * @param features processed structured fields as a JSON object text, or {@code null}
 * @param labelConfidence confidence of a label assigned by weak supervision or annotators, or
 *     {@code null} when the label came with the record
 */
@TypeInfo(TextEventTypeInfo.Factory.class)
public record TextEvent(
        TextRecord record,
        long eventTime,
        String position,
        byte[] original,
        String fingerprint,
        String splitKey,
        int variant,
        String augmentations,
        int extraVariants,
        String features,
        Double labelConfidence) {

    public TextEvent {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(original, "original");
    }

    /** A freshly parsed original record (variant 0, no annotations). */
    public TextEvent(
            TextRecord record,
            long eventTime,
            String position,
            byte[] original,
            String fingerprint) {
        this(record, eventTime, position, original, fingerprint, null, 0, null, 0, null, null);
    }

    /** The id the split is derived from: {@link #splitKey()} if set, else the record's id. */
    public String splitId() {
        return splitKey != null ? splitKey : record.id();
    }

    public String id() {
        return record.id();
    }

    public String text() {
        return record.text();
    }

    public TextEvent withNormalized(String text, String newFingerprint) {
        return new TextEvent(
                record.withText(text),
                eventTime,
                position,
                original,
                newFingerprint,
                splitKey,
                variant,
                augmentations,
                extraVariants,
                features,
                labelConfidence);
    }

    public TextEvent withRecord(TextRecord newRecord) {
        return new TextEvent(
                newRecord,
                eventTime,
                position,
                original,
                fingerprint,
                splitKey,
                variant,
                augmentations,
                extraVariants,
                features,
                labelConfidence);
    }

    public TextEvent withSplitKey(String newSplitKey) {
        return new TextEvent(
                record,
                eventTime,
                position,
                original,
                fingerprint,
                newSplitKey,
                variant,
                augmentations,
                extraVariants,
                features,
                labelConfidence);
    }

    /** An augmented variant of this (original) event with the given text and operations. */
    public TextEvent asVariant(int newVariant, String text, String operationsJson) {
        return new TextEvent(
                record.withText(text),
                eventTime,
                position,
                original,
                fingerprint,
                splitKey,
                newVariant,
                operationsJson,
                0,
                features,
                labelConfidence);
    }

    public TextEvent withExtraVariants(int extra) {
        return new TextEvent(
                record,
                eventTime,
                position,
                original,
                fingerprint,
                splitKey,
                variant,
                augmentations,
                extra,
                features,
                labelConfidence);
    }

    public TextEvent withFeatures(String featuresJson) {
        return new TextEvent(
                record,
                eventTime,
                position,
                original,
                fingerprint,
                splitKey,
                variant,
                augmentations,
                extraVariants,
                featuresJson,
                labelConfidence);
    }

    /** This event with a label assigned downstream of the source, and its confidence. */
    public TextEvent withLabel(String label, Double confidence) {
        return new TextEvent(
                record.withLabel(label),
                eventTime,
                position,
                original,
                fingerprint,
                splitKey,
                variant,
                augmentations,
                extraVariants,
                features,
                confidence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextEvent e
                && eventTime == e.eventTime
                && record.equals(e.record)
                && position.equals(e.position)
                && Arrays.equals(original, e.original)
                && Objects.equals(fingerprint, e.fingerprint)
                && Objects.equals(splitKey, e.splitKey)
                && variant == e.variant
                && Objects.equals(augmentations, e.augmentations)
                && extraVariants == e.extraVariants
                && Objects.equals(features, e.features)
                && Objects.equals(labelConfidence, e.labelConfidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                record, eventTime, position, Arrays.hashCode(original), fingerprint, variant);
    }

    @Override
    public String toString() {
        return "TextEvent{id="
                + record.id()
                + ", eventTime="
                + eventTime
                + ", position="
                + position
                + (variant != 0 ? ", variant=" + variant : "")
                + "}";
    }
}

package io.streamprep.schemas.records;

/**
 * Why a record went to the dead-letter output. The {@link #code()} is the stable string written to
 * dead-letter records, metrics and {@code stats.json}; never rename one.
 */
public enum RejectReason {
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8("invalid_utf8"),
    /** The record is larger than the source's byte limit and was cut. */
    RECORD_TOO_LARGE("record_too_large"),
    /** The bytes are not parseable JSON. */
    NOT_JSON("not_json"),
    /** Valid JSON, but not an object. */
    NOT_OBJECT("not_object"),
    /** No {@code id} field (or it is null). */
    MISSING_ID("missing_id"),
    /** {@code id} is an empty or blank string. */
    EMPTY_ID("empty_id"),
    /** No {@code text} field (or it is null). */
    MISSING_TEXT("missing_text"),
    /** {@code text} is an empty string. */
    EMPTY_TEXT("empty_text"),
    /** A field has the wrong JSON type; the message names it. */
    WRONG_TYPE("wrong_type"),
    /** {@code text} is larger than {@code validate.max-text-bytes}. */
    TEXT_TOO_LARGE("text_too_large"),
    /** The label is not in {@code labels.list}. */
    UNKNOWN_LABEL("unknown_label"),
    /** No label, while {@code labels.required} is set. */
    MISSING_LABEL("missing_label"),
    /** Nothing left after normalization (e.g. HTML with no text). */
    EMPTY_AFTER_NORMALIZATION("empty_after_normalization"),
    /** Shorter than {@code filter.min-chars} after normalization. */
    TOO_SHORT("too_short"),
    /** Longer than {@code filter.max-chars} after normalization. */
    TOO_LONG("too_long"),
    /** The tokenizer failed on the text. */
    TOKENIZER_ERROR("tokenizer_error"),
    /** A declared {@code meta} field is absent or null and its missing-value policy is drop. */
    MISSING_FIELD("missing_field"),
    /** A declared {@code meta} field is an outlier and its outlier policy is drop. */
    OUTLIER("outlier"),
    /** An image record without {@code image}, or with neither or both of bytes and uri. */
    MISSING_IMAGE("missing_image"),
    /** The encoded image is larger than {@code image.max-bytes}. */
    IMAGE_TOO_LARGE("image_too_large"),
    /** The image URI cannot be read: unsupported scheme, outside the allowed roots, missing. */
    IMAGE_UNREADABLE("image_unreadable"),
    /** The bytes are not an image in a supported format (PNG, JPEG, GIF, BMP). */
    UNSUPPORTED_IMAGE_FORMAT("unsupported_image_format"),
    /** The image is truncated or corrupt: its header or pixel data cannot be decoded. */
    CORRUPT_IMAGE("corrupt_image"),
    /** Zero bytes, or a width or height of zero. */
    EMPTY_IMAGE("empty_image"),
    /** The header declares more pixels than {@code image.max-pixels} (decompression bomb). */
    DECOMPRESSION_BOMB("decompression_bomb");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

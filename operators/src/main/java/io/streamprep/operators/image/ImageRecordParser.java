package io.streamprep.operators.image;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.ImageEvent;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.util.List;

/**
 * Turns raw bytes into an {@link ImageEvent} holding the encoded image and its header, or into a
 * {@link DeadLetterRecord} with one {@link RejectReason}. Never throws for any input.
 *
 * <p>Checks, in order: the source's size cut, JSON object, {@code id}, {@code ts}, {@code label},
 * {@code caption}, {@code image} (exactly one of base64 {@code bytes} or {@code uri}), the encoded
 * size ({@code image.max-bytes}, before base64 decoding or reading the file), then the image header
 * ({@link ImageHeader#probe}: format, zero size, pixel count) — all before any pixel is decoded.
 */
public final class ImageRecordParser {

    public static final String STAGE = "image-parse";

    private static final ObjectReader READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The same bound as the text parser's and the watermark assigner's. */
    private static final long MAX_TS = 1_000_000_000_000_000L;

    private final ImageSettings settings;
    private final LabelIndex labels;
    private final boolean labelRequired;
    private final ImageBytes files;
    private final boolean http;

    /** A parser that dead-letters {@code http(s)} URIs as {@code image_unreadable}. */
    public ImageRecordParser(ImageSettings settings, List<String> labels, boolean labelRequired) {
        this(settings, labels, labelRequired, false);
    }

    /**
     * @param http whether records with {@code http(s)} URIs are handed out for fetching ({@link
     *     ImageParseOutcome#isRemote}) instead of rejected
     */
    public ImageRecordParser(
            ImageSettings settings, List<String> labels, boolean labelRequired, boolean http) {
        this.settings = settings;
        this.labels = new LabelIndex(labels);
        this.labelRequired = labelRequired;
        this.files = new ImageBytes(settings.fileRoots(), settings.maxBytes());
        this.http = http;
    }

    public ImageParseOutcome parse(RawRecord raw) {
        return parse(raw, null);
    }

    /**
     * Parses a record whose {@code http(s)} image was fetched: the same checks, with {@code
     * fetched} as the encoded image.
     */
    public ImageParseOutcome parseFetched(RawRecord raw, byte[] fetched) {
        return parse(raw, java.util.Objects.requireNonNull(fetched, "fetched"));
    }

    private ImageParseOutcome parse(RawRecord raw, byte[] fetched) {
        if (raw.truncated()) {
            return reject(
                    raw,
                    null,
                    RejectReason.RECORD_TOO_LARGE,
                    "record has "
                            + raw.originalLength()
                            + " bytes, more than source.max-record-bytes = "
                            + raw.value().length
                            + "; original cut to the limit");
        }
        JsonNode root;
        try {
            root = READER.readTree(raw.value());
        } catch (IOException e) {
            return reject(raw, null, RejectReason.NOT_JSON, "not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return reject(raw, null, RejectReason.NOT_JSON, "not JSON: no content");
        }
        if (!root.isObject()) {
            return reject(raw, null, RejectReason.NOT_OBJECT, "expected a JSON object");
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || idNode.isNull()) {
            return reject(raw, null, RejectReason.MISSING_ID, "field 'id' is missing");
        }
        if (!idNode.isTextual()) {
            return wrongType(raw, null, "id", "a string");
        }
        String id = idNode.textValue();
        if (id.isBlank()) {
            return reject(raw, null, RejectReason.EMPTY_ID, "field 'id' is empty");
        }
        try {
            return ImageParseOutcome.accepted(parseFields(raw, root, id, fetched));
        } catch (Remote e) {
            return ImageParseOutcome.toFetch(new RemoteImage(raw, id, e.uri));
        } catch (FieldException e) {
            return reject(raw, id, e.reason, e.getMessage());
        } catch (ImageRejection e) {
            return reject(raw, id, e.reason(), e.getMessage());
        }
    }

    private ImageEvent parseFields(RawRecord raw, JsonNode root, String id, byte[] fetched)
            throws FieldException, ImageRejection, Remote {
        Long ts = null;
        JsonNode tsNode = root.get("ts");
        if (tsNode != null && !tsNode.isNull()) {
            if (!tsNode.isIntegralNumber()
                    || !tsNode.canConvertToLong()
                    || tsNode.longValue() < 0
                    || tsNode.longValue() >= MAX_TS) {
                throw FieldException.wrongType(
                        "ts", "an integer epoch-millis timestamp in [0, 10^15)");
            }
            ts = tsNode.longValue();
        }
        String label = optionalText(root, "label");
        if (label != null && !labels.accepts(label)) {
            throw new FieldException(
                    RejectReason.UNKNOWN_LABEL, "label '" + label + "' is not in labels.list");
        }
        if (label == null && labelRequired) {
            throw new FieldException(
                    RejectReason.MISSING_LABEL,
                    "field 'label' is missing and labels.required is set");
        }
        String caption = optionalText(root, "caption");
        byte[] encoded = encodedImage(root.get("image"), fetched);
        ImageHeader header = ImageHeader.probe(encoded, settings.maxPixels());
        long eventTime;
        if (ts != null) {
            eventTime = ts;
        } else {
            eventTime =
                    raw.sourceTimestamp() == RawRecord.NO_TIMESTAMP ? 0L : raw.sourceTimestamp();
        }
        return new ImageEvent(
                id,
                eventTime,
                raw.position(),
                raw.value(),
                label,
                caption,
                header.format(),
                encoded,
                header.width(),
                header.height(),
                null,
                null,
                null,
                0,
                null);
    }

    private byte[] encodedImage(JsonNode image, byte[] fetched)
            throws FieldException, ImageRejection, Remote {
        if (image == null || image.isNull()) {
            throw new FieldException(RejectReason.MISSING_IMAGE, "field 'image' is missing");
        }
        if (!image.isObject()) {
            throw FieldException.wrongType("image", "an object with 'bytes' or 'uri'");
        }
        JsonNode bytes = image.get("bytes");
        JsonNode uri = image.get("uri");
        boolean hasBytes = bytes != null && !bytes.isNull();
        boolean hasUri = uri != null && !uri.isNull();
        if (hasBytes == hasUri) {
            throw new FieldException(
                    RejectReason.MISSING_IMAGE,
                    "field 'image' must have exactly one of 'bytes' and 'uri'");
        }
        if (hasUri) {
            if (!uri.isTextual()) {
                throw FieldException.wrongType("image.uri", "a string");
            }
            String text = uri.textValue();
            if (http && isHttp(text)) {
                if (fetched == null) {
                    throw new Remote(text);
                }
                files.checkSize(fetched.length);
                return fetched;
            }
            return files.read(text);
        }
        if (!bytes.isTextual()) {
            throw FieldException.wrongType("image.bytes", "a base64 string");
        }
        files.checkSize(bytes.textValue().length() / 4L * 3);
        try {
            return bytes.binaryValue();
        } catch (IOException | IllegalArgumentException e) {
            throw FieldException.wrongType("image.bytes", "a base64 string");
        }
    }

    private static boolean isHttp(String uri) {
        String lower = uri.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String optionalText(JsonNode root, String field) throws FieldException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw FieldException.wrongType(field, "a string");
        }
        return node.textValue();
    }

    private static ImageParseOutcome wrongType(
            RawRecord raw, String id, String field, String expected) {
        return reject(
                raw, id, RejectReason.WRONG_TYPE, "field '" + field + "' must be " + expected);
    }

    private static ImageParseOutcome reject(
            RawRecord raw, String id, RejectReason reason, String message) {
        return ImageParseOutcome.rejected(
                new DeadLetterRecord(
                        reason.code(), message, STAGE, id, raw.position(), raw.value()));
    }

    /** The image is at an http(s) URI and must be fetched first. */
    private static final class Remote extends Exception {

        private static final long serialVersionUID = 1L;

        private final String uri;

        Remote(String uri) {
            super(uri, null, false, false);
            this.uri = uri;
        }
    }

    /** A field-level rejection inside {@link #parseFields}. */
    private static final class FieldException extends Exception {

        private static final long serialVersionUID = 1L;

        private final RejectReason reason;

        FieldException(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        static FieldException wrongType(String field, String expected) {
            return new FieldException(
                    RejectReason.WRONG_TYPE, "field '" + field + "' must be " + expected);
        }
    }
}

package io.streamprep.jobs.corpus;

import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The sample's hand-made lines that do not depend on WordNet: made-up PII, an unlabelled record,
 * and one line for each way the parse and validate stages must reject a line. All PII is fake:
 * example.org/example.com addresses, 555-01xx phone numbers, private and documentation IP
 * addresses, and public Luhn-valid test card numbers.
 */
final class FixedLines {

    /**
     * A hand-made line.
     *
     * @param render the line's bytes (without the newline) for a given event time
     * @param expected the expected outcome; its line number is not yet set
     */
    record Fixed(LongFunction<byte[]> render, ExpectedOutcome expected) {}

    static final Fixed PII_EMAIL =
            pii(
                    "pii-email",
                    "a zoo keeper who answers questions about the penguins;"
                            + " write to penguin.keeper@example.org",
                    "noun.animal",
                    List.of("<EMAIL>"));

    static final Fixed PII_PHONE =
            pii(
                    "pii-phone",
                    "a rare orchid sold by a nursery that takes orders on +1 212-555-0147",
                    "noun.plant",
                    List.of("<PHONE>"));

    static final Fixed PII_IP =
            pii(
                    "pii-ip",
                    "a feeding robot for dairy cows that reports to its controller at"
                            + " 192.168.10.24 or 2001:db8::8a2e:370:7334",
                    "noun.artifact",
                    List.of("<IP>"));

    static final Fixed PII_CREDIT_CARD =
            pii(
                    "pii-credit-card",
                    "a leather saddle bought online with the card 4111 1111 1111 1111",
                    "noun.artifact",
                    List.of("<CREDIT_CARD>"));

    static final Fixed PII_COMBINED =
            pii(
                    "pii-combined",
                    "a lunch box ordered from chef.mario@example.com, phone (212) 555-0199,"
                            + " server 10.0.0.7, paid with 5500-0000-0000-0004",
                    "noun.food",
                    List.of("<EMAIL>", "<PHONE>", "<IP>", "<CREDIT_CARD>"));

    static final Fixed UNLABELLED =
            new Fixed(
                    record(
                            "sample-unlabelled",
                            "a small songbird with a short beak, seen in gardens in winter",
                            null,
                            "unlabelled"),
                    ExpectedOutcome.pass(
                            "sample-unlabelled",
                            "unlabelled",
                            "no label: passes with label_id -1; missing_label when"
                                    + " labels.required"));

    static final Fixed NOT_JSON =
            raw(
                    "bad-not-json",
                    null,
                    RejectReason.NOT_JSON,
                    "{\"id\":\"sample-bad-not-json\",\"ts\":%d,"
                            + "\"text\":\"a record cut off in the midd",
                    "a JSON object cut off in the middle");

    static final Fixed JSON_ARRAY =
            raw(
                    "bad-json-array",
                    null,
                    RejectReason.NOT_OBJECT,
                    "[\"sample-bad-json-array\",%d,\"a JSON array is valid JSON but not a record\"]",
                    "valid JSON, but an array");

    static final Fixed MISSING_ID =
            raw(
                    "bad-missing-id",
                    null,
                    RejectReason.MISSING_ID,
                    "{\"ts\":%d,\"text\":\"a record without an id\",\"label\":\"noun.food\"}",
                    "no id field");

    static final Fixed EMPTY_ID =
            raw(
                    "bad-empty-id",
                    null,
                    RejectReason.EMPTY_ID,
                    "{\"id\":\"\",\"ts\":%d,\"text\":\"a record whose id is empty\","
                            + "\"label\":\"noun.food\"}",
                    "id is the empty string");

    static final Fixed MISSING_TEXT =
            raw(
                    "bad-missing-text",
                    "sample-bad-missing-text",
                    RejectReason.MISSING_TEXT,
                    "{\"id\":\"sample-bad-missing-text\",\"ts\":%d,\"label\":\"noun.plant\"}",
                    "no text field");

    static final Fixed EMPTY_TEXT =
            raw(
                    "bad-empty-text",
                    "sample-bad-empty-text",
                    RejectReason.EMPTY_TEXT,
                    "{\"id\":\"sample-bad-empty-text\",\"ts\":%d,\"text\":\"\","
                            + "\"label\":\"noun.plant\"}",
                    "text is the empty string");

    static final Fixed ID_NUMBER =
            raw(
                    "bad-id-number",
                    null,
                    RejectReason.WRONG_TYPE,
                    "{\"id\":12345,\"ts\":%d,\"text\":\"a record whose id is a number\","
                            + "\"label\":\"noun.animal\"}",
                    "id is a JSON number, not a string");

    static final Fixed TEXT_OBJECT =
            raw(
                    "bad-text-object",
                    "sample-bad-text-object",
                    RejectReason.WRONG_TYPE,
                    "{\"id\":\"sample-bad-text-object\",\"ts\":%d,"
                            + "\"text\":{\"en\":\"a record whose text is an object\"},"
                            + "\"label\":\"noun.animal\"}",
                    "text is a JSON object, not a string");

    static final Fixed INVALID_UTF8 =
            new Fixed(
                    FixedLines::invalidUtf8,
                    ExpectedOutcome.deadLetter(
                            null,
                            "bad-invalid-utf8",
                            RejectReason.INVALID_UTF8,
                            "a JSON object containing the byte sequences C3 28 and FF FE"));

    static final Fixed UNKNOWN_LABEL =
            wellFormedBad(
                    "bad-unknown-label",
                    "a person who trains animals to perform in a circus",
                    "noun.person",
                    RejectReason.UNKNOWN_LABEL,
                    "noun.person is a WordNet label but not one of the sample's; passes when"
                            + " labels.list is empty");

    static final Fixed EMPTY_AFTER_HTML =
            wellFormedBad(
                    "bad-empty-after-html",
                    "<p> </p>",
                    "noun.plant",
                    RejectReason.EMPTY_AFTER_NORMALIZATION,
                    "HTML with no visible text; passes when normalize.html is off");

    private FixedLines() {}

    /** A well-formed record line, with {@code {"synthetic": kind}} as its meta. */
    static LongFunction<byte[]> record(String id, String text, String label, String kind) {
        String meta = Json.toString(Map.of("synthetic", kind));
        return ts -> Json.toBytes(new TextRecord(id, ts, text, label, meta));
    }

    private static Fixed pii(String kind, String text, String label, List<String> placeholders) {
        String id = "sample-" + kind;
        return new Fixed(
                record(id, text, label, kind),
                ExpectedOutcome.pass(id, kind, "made-up PII that must be redacted")
                        .withPlaceholders(placeholders));
    }

    /** A line written verbatim; {@code %d} in the template becomes the event time. */
    private static Fixed raw(
            String kind, String id, RejectReason reason, String template, String note) {
        return new Fixed(
                ts -> String.format(Locale.ROOT, template, ts).getBytes(StandardCharsets.UTF_8),
                ExpectedOutcome.deadLetter(id, kind, reason, note));
    }

    private static Fixed wellFormedBad(
            String kind, String text, String label, RejectReason reason, String note) {
        String id = "sample-" + kind;
        return new Fixed(
                record(id, text, label, kind), ExpectedOutcome.deadLetter(id, kind, reason, note));
    }

    private static byte[] invalidUtf8(long ts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ascii("{\"id\":\"sample-bad-invalid-utf8\",\"ts\":" + ts + ",\"text\":\"caf"));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(ascii(" au lait, a sweet "));
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(ascii("\",\"label\":\"noun.food\"}"));
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

package io.streamprep.operators.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.TextEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordParserTest {

    private static final ParserSettings SETTINGS =
            new ParserSettings(1 << 20, List.of("pos", "neg"), false);

    private final RecordParser parser = new RecordParser(SETTINGS);

    @Test
    void acceptsAFullRecord() {
        TextEvent e =
                accept(
                        "{\"id\":\"r1\",\"ts\":1700000000123,\"text\":\"Hello\",\"label\":\"pos\","
                                + "\"meta\":{\"src\":\"web\"},\"extra\":true}");
        assertThat(e.id()).isEqualTo("r1");
        assertThat(e.text()).isEqualTo("Hello");
        assertThat(e.record().label()).isEqualTo("pos");
        assertThat(e.record().meta()).isEqualTo("{\"src\":\"web\"}");
        assertThat(e.eventTime()).isEqualTo(1700000000123L);
        assertThat(e.position()).isEqualTo("file:/in.jsonl:1");
        assertThat(e.fingerprint()).isNull();
    }

    @Test
    void eventTimeFallsBackToSourceTimestampThenZero() {
        byte[] bytes = "{\"id\":\"r\",\"text\":\"t\"}".getBytes(StandardCharsets.UTF_8);
        TextEvent fromKafka =
                parser.parse(new RawRecord(bytes, bytes.length, "kafka:t-0@1", 42L)).event();
        assertThat(fromKafka.eventTime()).isEqualTo(42L);
        assertThat(fromKafka.record().ts()).isNull();
        assertThat(accept("{\"id\":\"r\",\"text\":\"t\"}").eventTime()).isZero();
        assertThat(accept("{\"id\":\"r\",\"text\":\"t\",\"ts\":null}").eventTime()).isZero();
    }

    @Test
    void labelIsOptionalUnlessRequired() {
        assertThat(accept("{\"id\":\"r\",\"text\":\"t\"}").record().label()).isNull();
        RecordParser strict = new RecordParser(new ParserSettings(100, List.of("pos"), true));
        DeadLetterRecord d = strict.parse(raw("{\"id\":\"r\",\"text\":\"t\"}")).rejection();
        assertThat(d.reason()).isEqualTo("missing_label");
    }

    @Test
    void anyLabelPassesWithoutALabelList() {
        RecordParser open = new RecordParser(new ParserSettings(100, List.of(), false));
        assertThat(open.parse(raw("{\"id\":\"r\",\"text\":\"t\",\"label\":\"x\"}")).isAccepted())
                .isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all                                  | not_json     | not JSON",
                "{\"id\":\"a\",\"text\":\"t\"} trailing          | not_json     | not JSON",
                "{\"id\":\"a\",\"text\":                          | not_json     | not JSON",
                "[1,2,3]                                          | not_object   | got array",
                "\"just a string\"                                | not_object   | got string",
                "{\"text\":\"t\"}                                 | missing_id   | 'id'",
                "{\"id\":null,\"text\":\"t\"}                     | missing_id   | 'id'",
                "{\"id\":\"  \",\"text\":\"t\"}                   | empty_id     | 'id'",
                "{\"id\":7,\"text\":\"t\"}                        | wrong_type   | 'id' must be a string, got number 7",
                "{\"id\":\"a\"}                                   | missing_text | 'text'",
                "{\"id\":\"a\",\"text\":\"\"}                     | empty_text   | 'text'",
                "{\"id\":\"a\",\"text\":{\"x\":1}}                | wrong_type   | 'text' must be a string, got object",
                "{\"id\":\"a\",\"text\":\"t\",\"ts\":\"yesterday\"} | wrong_type | 'ts'",
                "{\"id\":\"a\",\"text\":\"t\",\"ts\":1.5}         | wrong_type   | 'ts'",
                "{\"id\":\"a\",\"text\":\"t\",\"ts\":-1}          | wrong_type   | 'ts'",
                "{\"id\":\"a\",\"text\":\"t\",\"label\":3}        | wrong_type   | 'label'",
                "{\"id\":\"a\",\"text\":\"t\",\"label\":\"meh\"}  | unknown_label | 'meh'",
                "{\"id\":\"a\",\"text\":\"t\",\"meta\":[1]}       | wrong_type   | 'meta' must be an object",
            })
    void rejectsWithTheRightReason(String line, String reason, String messagePart) {
        DeadLetterRecord d = parser.parse(raw(line.trim())).rejection();
        assertThat(d).as(line).isNotNull();
        assertThat(d.reason()).isEqualTo(reason);
        assertThat(d.message()).contains(messagePart);
        assertThat(d.stage()).isEqualTo("parse");
        assertThat(d.position()).isEqualTo("file:/in.jsonl:1");
        assertThat(new String(d.original(), StandardCharsets.UTF_8)).isEqualTo(line.trim());
    }

    @Test
    void keepsTheIdOfRecordsRejectedAfterItWasRead() {
        assertThat(parser.parse(raw("{\"id\":\"a\",\"text\":\"\"}")).rejection().id())
                .isEqualTo("a");
        assertThat(parser.parse(raw("{\"text\":\"x\"}")).rejection().id()).isNull();
    }

    @Test
    void rejectsInvalidUtf8WithOriginalBytes() {
        byte[] bytes = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        DeadLetterRecord d = parser.parse(RawRecord.of(bytes, "p")).rejection();
        assertThat(d.reason()).isEqualTo("invalid_utf8");
        assertThat(d.original()).isEqualTo(bytes);
    }

    @Test
    void rejectsTextAboveTheByteLimitCountingUtf8Bytes() {
        RecordParser small = new RecordParser(new ParserSettings(6, List.of(), false));
        assertThat(small.parse(raw("{\"id\":\"a\",\"text\":\"ééé\"}")).isAccepted()).isTrue();
        DeadLetterRecord d = small.parse(raw("{\"id\":\"a\",\"text\":\"éééa\"}")).rejection();
        assertThat(d.reason()).isEqualTo("text_too_large");
        assertThat(d.message()).contains("7 bytes").contains("validate.max-text-bytes");
    }

    @Test
    void rejectsRecordsTheSourceCut() {
        byte[] cut = "{\"id\":\"a\",\"te".getBytes(StandardCharsets.UTF_8);
        DeadLetterRecord d =
                parser.parse(new RawRecord(cut, 5_000_000, "p", RawRecord.NO_TIMESTAMP))
                        .rejection();
        assertThat(d.reason()).isEqualTo("record_too_large");
        assertThat(d.message()).contains("5000000");
        assertThat(d.original()).isEqualTo(cut);
    }

    @Test
    void neverThrowsOnArbitraryBytes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String alphabet = "{}[]\":,idtex 1\\u\u00e9";
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            ParseOutcome outcome = parser.parse(RawRecord.of(bytes, "p"));
            assertThat(outcome.isAccepted() ^ outcome.rejection() != null).isTrue();
        }
    }

    private TextEvent accept(String line) {
        ParseOutcome outcome = parser.parse(raw(line));
        assertThat(outcome.rejection()).as(line).isNull();
        return outcome.event();
    }

    private static RawRecord raw(String line) {
        return RawRecord.of(line.getBytes(StandardCharsets.UTF_8), "file:/in.jsonl:1");
    }
}

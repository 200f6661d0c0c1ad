package io.streamprep.operators.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimesTest {

    @Test
    void readsTopLevelTsOnly() {
        assertThat(of("{\"meta\":{\"ts\":5},\"text\":\"x\",\"ts\":9}", 1)).isEqualTo(9);
        assertThat(of("{\"meta\":{\"ts\":5},\"text\":\"x\"}", 1)).isEqualTo(1);
        assertThat(of("{\"list\":[{\"ts\":5}],\"ts\":7}", 1)).isEqualTo(7);
    }

    @Test
    void fallsBackToTheSourceTimeForObjectsWithoutTs() {
        assertThat(of("{\"text\":\"x\"}", 3)).isEqualTo(3);
        assertThat(of("{\"ts\":null}", 3)).isEqualTo(3);
        assertThat(of("{\"text\":\"x\"}", RawRecord.NO_TIMESTAMP)).isZero();
    }

    @Test
    void recordsThatCannotBeValidHaveNoEventTime() {
        // Their source time may come from another clock: it must not move the watermark.
        assertThat(of("{\"ts\":\"soon\"}", 3)).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"ts\":-5}", 3)).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"ts\":1.5}", 3)).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"ts\":12345678901234567890123}", 3)).isEqualTo(EventTimes.NONE);
        assertThat(of("not json", 3)).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"ts\":5", 3)).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"ts\":5,\"text\":\"cut off", 3)).isEqualTo(EventTimes.NONE);
        assertThat(of("[1]", RawRecord.NO_TIMESTAMP)).isEqualTo(EventTimes.NONE);
        byte[] cut = "{\"ts\":5}".getBytes(StandardCharsets.UTF_8);
        assertThat(EventTimes.of(new RawRecord(cut, 1_000, "p", 3))).isEqualTo(EventTimes.NONE);
    }

    @Test
    void theLastTsWins() {
        assertThat(of("{\"ts\":\"x\",\"ts\":7}", 3)).isEqualTo(7);
        assertThat(of("{\"ts\":7,\"ts\":\"x\"}", 3)).isEqualTo(EventTimes.NONE);
        assertThat(of("{\"ts\":7,\"ts\":null}", 3)).isEqualTo(3);
    }

    @Test
    void recordsWithoutEventTimeAreRejectedByTheParser() {
        RecordParser parser = new RecordParser(new ParserSettings(100, List.of(), false));
        for (String line :
                new String[] {
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":\"soon\"}",
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":-1}",
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":7,\"ts\":1.5}",
                    "{\"id\":\"a\",\"text\":\"t\"",
                    "[{\"id\":\"a\",\"text\":\"t\",\"ts\":7}]",
                }) {
            RawRecord raw = raw(line, 77);
            assertThat(EventTimes.of(raw)).as(line).isEqualTo(EventTimes.NONE);
            assertThat(parser.parse(raw).isAccepted()).as(line).isFalse();
        }
    }

    @Test
    void agreesWithTheParser() {
        RecordParser parser = new RecordParser(new ParserSettings(100, List.of(), false));
        for (String line :
                new String[] {
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":12}",
                    "{\"id\":\"a\",\"text\":\"t\"}",
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":null}",
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":1,\"ts\":2}",
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":\"x\",\"ts\":2}",
                }) {
            RawRecord raw = raw(line, 77);
            assertThat(EventTimes.of(raw))
                    .as(line)
                    .isEqualTo(parser.parse(raw).event().eventTime());
        }
    }

    private static long of(String json, long sourceTs) {
        return EventTimes.of(raw(json, sourceTs));
    }

    private static RawRecord raw(String json, long sourceTs) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return new RawRecord(b, b.length, "p", sourceTs);
    }
}

package io.streamprep.operators.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.RawRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventTimesTest {

    @Test
    void readsTopLevelTsOnly() {
        assertThat(of("{\"meta\":{\"ts\":5},\"text\":\"x\",\"ts\":9}", 1)).isEqualTo(9);
        assertThat(of("{\"meta\":{\"ts\":5},\"text\":\"x\"}", 1)).isEqualTo(1);
        assertThat(of("{\"list\":[{\"ts\":5}],\"ts\":7}", 1)).isEqualTo(7);
    }

    @Test
    void fallsBackForInvalidTsOrInvalidRecords() {
        assertThat(of("{\"ts\":\"soon\"}", 3)).isEqualTo(3);
        assertThat(of("{\"ts\":-5}", 3)).isEqualTo(3);
        assertThat(of("{\"ts\":1.5}", 3)).isEqualTo(3);
        assertThat(of("not json", 3)).isEqualTo(3);
        assertThat(of("{\"ts\":5", 3)).isEqualTo(3);
        assertThat(of("[1]", RawRecord.NO_TIMESTAMP)).isZero();
    }

    @Test
    void agreesWithTheParser() {
        RecordParser parser = new RecordParser(new ParserSettings(100, java.util.List.of(), false));
        for (String line :
                new String[] {
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":12}",
                    "{\"id\":\"a\",\"text\":\"t\"}",
                    "{\"id\":\"a\",\"text\":\"t\",\"ts\":1,\"ts\":2}",
                }) {
            RawRecord raw = raw(line, 77);
            assertThat(EventTimes.of(raw)).isEqualTo(parser.parse(raw).event().eventTime());
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

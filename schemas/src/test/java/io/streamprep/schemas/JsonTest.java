package io.streamprep.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void textRecordKeepsMetaAsJsonAndRoundTrips() {
        String line =
                "{\"id\":\"x\",\"ts\":5,\"text\":\"t\",\"label\":\"l\",\"meta\":{\"b\":[1,2],\"a\":null}}";
        TextRecord record = Json.fromString(line, TextRecord.class);
        assertThat(record.meta()).isEqualTo("{\"b\":[1,2],\"a\":null}");
        assertThat(Json.toString(record)).isEqualTo(line);
    }

    @Test
    void outputIsDeterministicAndOmitsAbsentOptionalFields() {
        TrainingRecord r =
                new TrainingRecord(
                        "s#0#0",
                        "s",
                        0,
                        0,
                        "train",
                        null,
                        -1,
                        new int[] {1, 2},
                        new int[] {1, 1},
                        null,
                        null);
        assertThat(Json.toString(r))
                .isEqualTo(
                        "{\"id\":\"s#0#0\",\"source_id\":\"s\",\"variant\":0,\"window\":0,"
                                + "\"split\":\"train\",\"label_id\":-1,\"input_ids\":[1,2],"
                                + "\"attention_mask\":[1,1]}");
        assertThat(Json.toBytes(r)).isEqualTo(Json.toBytes(r));
    }

    @Test
    void deadLetterCarriesOriginalBytesAsBase64() {
        byte[] original = {(byte) 0xC3, (byte) 0x28, 'x'};
        DeadLetterRecord d =
                new DeadLetterRecord("invalid_utf8", "m", "parse", null, "p", original);
        String json = Json.toString(d);
        assertThat(json).contains("\"original\":\"wyh4\"");
        assertThat(Json.fromString(json, DeadLetterRecord.class)).isEqualTo(d);
    }

    @Test
    void readsNonAsciiText() {
        TextRecord r =
                Json.fromBytes(
                        "{\"id\":\"é\",\"text\":\"naïve ☃\"}".getBytes(StandardCharsets.UTF_8),
                        TextRecord.class);
        assertThat(r.text()).isEqualTo("naïve ☃");
    }
}

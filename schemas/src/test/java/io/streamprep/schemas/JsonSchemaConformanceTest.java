package io.streamprep.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.ImageRecord;
import io.streamprep.schemas.records.ImageTrainingRecord;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Java types and the published JSON Schemas describe the same records. */
class JsonSchemaConformanceTest {

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void textRecordsConform() throws Exception {
        assertValid(
                "text-record",
                new TextRecord("a1", 1700000000000L, "Some text", "pos", "{\"k\":1}"));
        assertValid("text-record", new TextRecord("a2", null, "No time, no label", null, null));
        assertInvalid("text-record", "{\"id\":\"\",\"text\":\"x\"}");
        assertInvalid("text-record", "{\"id\":\"a\",\"text\":\"x\",\"ts\":\"yesterday\"}");
        assertInvalid("text-record", "{\"id\":\"a\",\"text\":\"x\",\"meta\":[1]}");
        assertInvalid("text-record", "{\"text\":\"x\"}");
    }

    @Test
    void trainingRecordsConform() throws Exception {
        assertValid(
                "training-record",
                new TrainingRecord(
                        "a#0#0",
                        "a",
                        0,
                        0,
                        "train",
                        "pos",
                        1,
                        new int[] {101, 7592, 102},
                        new int[] {1, 1, 1},
                        new int[] {0, 0, 0},
                        "hello"));
        assertValid(
                "training-record",
                new TrainingRecord(
                        "b#0#1",
                        "b",
                        0,
                        1,
                        "test",
                        null,
                        -1,
                        new int[] {101, 102},
                        new int[] {1, 1},
                        null,
                        null));
        assertInvalid(
                "training-record",
                "{\"id\":\"a\",\"source_id\":\"a\",\"variant\":0,\"window\":0,\"split\":\"dev\","
                        + "\"label_id\":0,\"input_ids\":[1],\"attention_mask\":[1]}");
    }

    @Test
    void deadLettersAndDuplicatesConform() throws Exception {
        assertValid(
                "dead-letter-record",
                new DeadLetterRecord(
                        "not_json",
                        "not JSON: ...",
                        "parse",
                        null,
                        "file:/x.jsonl:3",
                        "{oops".getBytes(StandardCharsets.UTF_8)));
        assertValid("duplicate-record", new DuplicateRecord("b", "a", DuplicateRecord.EXACT, 1.0));
        assertInvalid(
                "duplicate-record",
                "{\"id\":\"b\",\"duplicate_of\":\"a\",\"kind\":\"fuzzy\",\"similarity\":1}");
    }

    @Test
    void sampledOutRecordsConform() throws Exception {
        assertValid(
                "sampled-out-record",
                new SampledOutRecord("a", "noun.person", 1500L, 1000L, 2000L, 3, 10));
        assertInvalid(
                "sampled-out-record",
                "{\"id\":\"a\",\"label\":\"x\",\"event_time\":1,\"pane_start\":0,"
                        + "\"pane_end\":2,\"kept\":0,\"of\":0}");
    }

    @Test
    void imageRecordsConform() throws Exception {
        assertValid(
                "image-record",
                new ImageRecord(
                        "i1",
                        null,
                        new ImageRecord.Image(new byte[] {1, 2}, null),
                        "a cat",
                        null,
                        null));
        assertValid(
                "image-record",
                new ImageRecord(
                        "i2", 5L, new ImageRecord.Image(null, "file:/x.png"), null, "cat", null));
        assertInvalid("image-record", "{\"id\":\"i\",\"image\":{}}");
    }

    @Test
    void imageTrainingRecordsConform() throws Exception {
        double[] mean = {0.485, 0.456, 0.406};
        double[] std = {0.229, 0.224, 0.225};
        assertValid(
                "image-training-record",
                new ImageTrainingRecord(
                        "i1#0",
                        "i1",
                        0,
                        "train",
                        "cat",
                        0,
                        ImageTrainingRecord.RAW,
                        ImageTrainingRecord.HWC,
                        new int[] {1, 1, 3},
                        new byte[] {1, 2, 3},
                        mean,
                        std,
                        new byte[12],
                        "a cat",
                        new int[] {101, 102},
                        new int[] {1, 1},
                        "[{\"op\":\"hflip\"}]"));
        assertValid(
                "image-training-record",
                new ImageTrainingRecord(
                        "i2#0",
                        "i2",
                        0,
                        "test",
                        null,
                        -1,
                        ImageTrainingRecord.PNG,
                        ImageTrainingRecord.HWC,
                        new int[] {2, 2, 3},
                        new byte[] {9},
                        mean,
                        std,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertInvalid(
                "image-training-record",
                "{\"id\":\"a#0\",\"source_id\":\"a\",\"variant\":0,\"split\":\"train\","
                        + "\"label_id\":-1,\"encoding\":\"raw\",\"layout\":\"CHW\","
                        + "\"shape\":[1,1,3],\"pixels\":\"AAAA\",\"mean\":[0,0,0],"
                        + "\"std\":[1,1,1]}");
    }

    @Test
    void deadLetterSchemaListsExactlyTheReasonCodes() throws Exception {
        JsonNode schema = Json.MAPPER.readTree(resource("dead-letter-record"));
        Set<String> inSchema = new TreeSet<>();
        schema.at("/properties/reason/enum").forEach(n -> inSchema.add(n.asText()));
        Set<String> inCode =
                Arrays.stream(RejectReason.values())
                        .map(RejectReason::code)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inSchema).isEqualTo(inCode);
    }

    private static void assertValid(String schemaName, Object record) throws Exception {
        String json = Json.toString(record);
        assertThat(validate(schemaName, json)).as(json).isEmpty();
    }

    private static void assertInvalid(String schemaName, String json) throws Exception {
        assertThat(validate(schemaName, json)).as(json).isNotEmpty();
    }

    private static Set<ValidationMessage> validate(String schemaName, String json)
            throws Exception {
        try (InputStream in = resource(schemaName)) {
            JsonSchema schema = FACTORY.getSchema(in);
            return schema.validate(Json.MAPPER.readTree(json));
        }
    }

    private static InputStream resource(String name) {
        return JsonSchemaConformanceTest.class.getResourceAsStream(
                "/schemas/" + name + ".schema.json");
    }
}

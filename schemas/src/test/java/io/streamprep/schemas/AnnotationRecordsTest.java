package io.streamprep.schemas;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.HumanLabel;
import io.streamprep.schemas.records.ModelFeedback;
import io.streamprep.schemas.serde.Json;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The annotation loop's records: POJO-serialized without Kryo, and conform to their schemas. */
class AnnotationRecordsTest {

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @ParameterizedTest
    @ValueSource(
            classes = {
                HumanLabel.class,
                ModelFeedback.class,
                AnnotationRequest.class,
                ExpiredAnnotation.class
            })
    void isSerializedAsPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }

    @Test
    void recordsConformAndRoundTrip() throws Exception {
        HumanLabel label = new HumanLabel("r1", "cat", "ann", 1700000000000L);
        ModelFeedback feedback = new ModelFeedback("r1", new double[] {0.2, 0.8}, 5L);
        AnnotationRequest request =
                new AnnotationRequest(
                        "r1",
                        "a text",
                        10,
                        0,
                        1,
                        0,
                        "{\"keywords-0:cat\":\"cat\",\"lookup\":null}",
                        "cat",
                        0.5,
                        1.0,
                        0.0,
                        AnnotationRequest.BY_VOTES);
        ExpiredAnnotation expired =
                new ExpiredAnnotation(
                        "r2", ExpiredAnnotation.TIMEOUT, 0, 10, 1010, "t", null, null);
        ExpiredAnnotation orphan =
                new ExpiredAnnotation(
                        "r3", ExpiredAnnotation.ORPHAN_LABEL, 1, 5, 1005, null, "ann", "cat");
        assertValid("human-label", label);
        assertValid("model-feedback", feedback);
        assertValid("annotation-request", request);
        assertValid("annotation-expired", expired);
        assertValid("annotation-expired", orphan);
        assertThat(Json.fromString(Json.toString(label), HumanLabel.class)).isEqualTo(label);
        assertThat(Json.fromString(Json.toString(feedback), ModelFeedback.class))
                .isEqualTo(feedback);
        assertThat(Json.fromString(Json.toString(request), AnnotationRequest.class))
                .isEqualTo(request);
        assertThat(Json.fromString(Json.toString(orphan), ExpiredAnnotation.class))
                .isEqualTo(orphan);
        assertThat(
                        validate(
                                "annotation-expired",
                                "{\"id\":\"x\",\"reason\":\"lost\",\"votes\":0,\"event_time\":1,"
                                        + "\"expired_at\":2}"))
                .isNotEmpty();
        assertThat(validate("human-label", "{\"id\":\"x\",\"label\":\"a\",\"ts\":1}")).isNotEmpty();
    }

    private static void assertValid(String schemaName, Object record) throws Exception {
        String json = Json.toString(record);
        assertThat(validate(schemaName, json)).as(json).isEmpty();
    }

    private static Set<ValidationMessage> validate(String schemaName, String json)
            throws Exception {
        try (InputStream in =
                AnnotationRecordsTest.class.getResourceAsStream(
                        "/schemas/" + schemaName + ".schema.json")) {
            JsonSchema schema = FACTORY.getSchema(in);
            return schema.validate(Json.MAPPER.readTree(json));
        }
    }
}

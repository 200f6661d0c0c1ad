package io.streamprep.operators.annotation;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.HumanLabel;
import io.streamprep.schemas.records.ModelFeedback;
import io.streamprep.schemas.records.RawRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsAndStateTypesTest {

    private final SignalParser labels = new SignalParser(SignalParser.Kind.LABEL);
    private final SignalParser feedback = new SignalParser(SignalParser.Kind.FEEDBACK);

    @ParameterizedTest
    @ValueSource(classes = {VotedEvent.class, LabelDecision.class, AnnotationSignal.class})
    void stateTypesAreSerializedAsPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }

    @Test
    void parsesLabelsAndFeedback() {
        assertThat(
                        labels.parse(
                                        raw(
                                                "{\"id\":\"r\",\"label\":\"cat\",\"annotator\":\"a\",\"ts\":7}"))
                                .signal())
                .isEqualTo(AnnotationSignal.of(new HumanLabel("r", "cat", "a", 7)));
        assertThat(
                        feedback.parse(raw("{\"id\":\"r\",\"probabilities\":[0.25,0.75],\"ts\":9}"))
                                .signal())
                .isEqualTo(
                        AnnotationSignal.of(new ModelFeedback("r", new double[] {0.25, 0.75}, 9)));
        RawRecord fromKafka =
                new RawRecord(
                        "{\"id\":\"r\",\"label\":\"cat\",\"annotator\":\"a\"}"
                                .getBytes(StandardCharsets.UTF_8),
                        40,
                        "kafka:labels-0@3",
                        1234);
        assertThat(labels.parse(fromKafka).signal().ts()).isEqualTo(1234);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LABEL|{oops|not_json",
                "LABEL|[1]|not_object",
                "LABEL|{\"label\":\"x\",\"annotator\":\"a\",\"ts\":1}|missing_id",
                "LABEL|{\"id\":\" \",\"label\":\"x\",\"annotator\":\"a\",\"ts\":1}|empty_id",
                "LABEL|{\"id\":\"r\",\"annotator\":\"a\",\"ts\":1}|missing_label",
                "LABEL|{\"id\":\"r\",\"label\":\"x\",\"ts\":1}|wrong_type",
                "LABEL|{\"id\":\"r\",\"label\":\"x\",\"annotator\":\"a\"}|wrong_type",
                "LABEL|{\"id\":\"r\",\"label\":\"x\",\"annotator\":\"a\",\"ts\":\"now\"}|wrong_type",
                "FEEDBACK|{\"id\":\"r\",\"probabilities\":[],\"ts\":1}|wrong_type",
                "FEEDBACK|{\"id\":\"r\",\"probabilities\":[-1],\"ts\":1}|wrong_type",
                "FEEDBACK|{\"id\":\"r\",\"probabilities\":\"0.5\",\"ts\":1}|wrong_type"
            })
    void rejectsBadInputWithAReasonAndTheOriginalBytes(String kind, String json, String reason) {
        SignalParser.Outcome outcome =
                new SignalParser(SignalParser.Kind.valueOf(kind)).parse(raw(json));
        assertThat(outcome.signal()).isNull();
        assertThat(outcome.rejection().reason()).isEqualTo(reason);
        assertThat(outcome.rejection().original()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.rejection().stage()).isIn("labels", "feedback");
    }

    @Test
    void invalidUtf8IsRejected() {
        RawRecord bad = RawRecord.of(new byte[] {'{', (byte) 0xC3, '}'}, "file:x:1");
        assertThat(labels.parse(bad).rejection().reason()).isEqualTo("invalid_utf8");
    }

    private static RawRecord raw(String json) {
        return RawRecord.of(json.getBytes(StandardCharsets.UTF_8), "file:x:1");
    }
}

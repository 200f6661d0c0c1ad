package io.streamprep.operators.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.StableHash;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NormalizeFunctionTest {

    private OneInputStreamOperatorTestHarness<TextEvent, TextEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        NormalizerSettings settings =
                NormalizerSettings.builder().lowercase(true).minChars(3).maxChars(40).build();
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new NormalizeFunction(settings));
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private static TextEvent event(String id, String text) {
        String json = "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"label\":\"pos\"}";
        return new TextEvent(
                new TextRecord(id, 1_000L, text, "pos", null),
                1_000L,
                "file:/in.jsonl:" + id,
                json.getBytes(StandardCharsets.UTF_8),
                null);
    }

    @Test
    void isSerializableForShippingToTaskManagers() throws Exception {
        NormalizeFunction copy =
                InstantiationUtil.clone(new NormalizeFunction(NormalizerSettings.defaults()));
        try (OneInputStreamOperatorTestHarness<TextEvent, TextEvent> h =
                ProcessFunctionTestHarnesses.forProcessFunction(copy)) {
            h.processElement(event("1", "Ｃｏｐｉｅｄ  fine"), 1L);
            assertThat(h.extractOutputValues())
                    .extracting(TextEvent::text)
                    .containsExactly("Copied fine");
        }
    }

    @Test
    void emitsNormalizedTextWithFingerprint() throws Exception {
        TextEvent in = event("1", "<p>Hello</p><p>WORLD, mail ME@example.com</p>");
        harness.processElement(in, 1_000L);

        List<TextEvent> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        TextEvent normalized = out.get(0);
        assertThat(normalized.text()).isEqualTo("hello world, mail <EMAIL>");
        assertThat(normalized.fingerprint())
                .isEqualTo(StableHash.fingerprint("hello world, mail <EMAIL>"));
        assertThat(normalized.id()).isEqualTo("1");
        assertThat(normalized.record().label()).isEqualTo("pos");
        assertThat(normalized.eventTime()).isEqualTo(1_000L);
        assertThat(normalized.position()).isEqualTo(in.position());
        assertThat(normalized.original()).isEqualTo(in.original());
        assertThat(harness.extractOutputStreamRecords().get(0).getTimestamp()).isEqualTo(1_000L);
        assertThat(harness.getSideOutput(OutputTags.DEAD_LETTERS)).isNull();
    }

    @Test
    void sameTextGetsSameFingerprint() throws Exception {
        harness.processElement(event("1", "Same   TEXT"), 1L);
        harness.processElement(event("2", "<b>same</b> text"), 2L);

        List<TextEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(TextEvent::text).containsExactly("same text", "same text");
        assertThat(out.get(0).fingerprint()).isEqualTo(out.get(1).fingerprint());
    }

    @Test
    void deadLettersEachRejectReasonWithOriginalBytes() throws Exception {
        TextEvent empty = event("e", "<p> </p>");
        TextEvent tooShort = event("s", "ab");
        TextEvent tooLong = event("l", "x".repeat(41));
        harness.processElement(empty, 1L);
        harness.processElement(tooShort, 2L);
        harness.processElement(tooLong, 3L);
        harness.processElement(event("ok", "fine text"), 4L);

        assertThat(harness.extractOutputValues()).extracting(TextEvent::id).containsExactly("ok");
        List<DeadLetterRecord> dead =
                harness.getSideOutput(OutputTags.DEAD_LETTERS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
        assertThat(dead)
                .extracting(DeadLetterRecord::reason)
                .containsExactly("empty_after_normalization", "too_short", "too_long");
        assertThat(dead).extracting(DeadLetterRecord::stage).containsOnly("normalize");
        assertThat(dead).extracting(DeadLetterRecord::id).containsExactly("e", "s", "l");
        assertThat(dead.get(0).original()).isEqualTo(empty.original());
        assertThat(dead.get(1).original()).isEqualTo(tooShort.original());
        assertThat(dead.get(2).original()).isEqualTo(tooLong.original());
        assertThat(dead.get(1).position()).isEqualTo(tooShort.position());
        assertThat(dead.get(1).message()).contains("filter.min-chars = 3");
        assertThat(dead.get(2).message()).contains("filter.max-chars = 40").contains("41");
    }

    @Test
    void countsDeadLettersAndRedactions() throws Exception {
        harness.processElement(event("1", "a@b.com and c@d.org from 10.0.0.1"), 1L);
        harness.processElement(event("2", "card 4111 1111 1111 1111, +1 555 123 4567"), 2L);
        harness.processElement(event("3", "no"), 3L);
        harness.processElement(event("4", ""), 4L);
        harness.processElement(event("5", " "), 5L);

        Map<String, Accumulator<?, ?>> accumulators =
                harness.getEnvironment().getAccumulatorRegistry().getUserMap();
        assertThat(accumulators.get("pii.email").getLocalValue()).isEqualTo(2L);
        assertThat(accumulators.get("pii.ip").getLocalValue()).isEqualTo(1L);
        assertThat(accumulators.get("pii.credit_card").getLocalValue()).isEqualTo(1L);
        assertThat(accumulators.get("pii.phone").getLocalValue()).isEqualTo(1L);
        assertThat(accumulators.get("dlq.too_short").getLocalValue()).isEqualTo(1L);
        assertThat(accumulators.get("dlq.empty_after_normalization").getLocalValue()).isEqualTo(2L);
        assertThat(accumulators).doesNotContainKey("dlq.too_long");
    }
}

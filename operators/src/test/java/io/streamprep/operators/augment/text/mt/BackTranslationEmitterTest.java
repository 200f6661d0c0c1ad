package io.streamprep.operators.augment.text.mt;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class BackTranslationEmitterTest {

    private static final BackTranslateSettings SETTINGS =
            BackTranslateSettings.fromConfig(new Configuration());

    @Test
    void emitsTheSourceAndTheVariantWithProvenanceAndCountsEveryOutcome() throws Exception {
        TextEvent a = event("a", "The dog sleeps.").withSplitKey("rep");
        TextEvent b = event("b", "A cat.");
        TextEvent c = event("c", "Same.");
        TextEvent d = event("d", "Long.");
        TextEvent e = event("e", "Unasked.");
        try (OneInputStreamOperatorTestHarness<BackTranslation, TextEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new BackTranslationEmitter(SETTINGS))) {
            harness.processElement(
                    BackTranslation.translated(a, 3, "El perro duerme.", " The dog sleeps it.\n"),
                    1L);
            harness.processElement(BackTranslation.failed(b, 1, "io"), 2L);
            harness.processElement(BackTranslation.failed(b, 1, "circuit_open"), 3L);
            harness.processElement(BackTranslation.translated(c, 1, "Igual.", "Same."), 4L);
            harness.processElement(BackTranslation.failed(d, 1, "too_long"), 5L);
            harness.processElement(BackTranslation.notRequested(e), 6L);

            List<TextEvent> out = harness.extractOutputValues();
            assertThat(out)
                    .containsExactly(
                            a,
                            a.asVariant(3, "The dog sleeps it.", out.get(1).augmentations()),
                            b,
                            b,
                            c,
                            d,
                            e);
            TextEvent variant = out.get(1);
            assertThat(variant.splitId()).isEqualTo("rep");
            JsonNode op = new ObjectMapper().readTree(variant.augmentations()).get(0);
            assertThat(op.get("op").asText()).isEqualTo("back_translate");
            assertThat(op.get("langpair").asText()).isEqualTo("eng|spa");
            assertThat(op.get("pivot").asText()).isEqualTo("El perro duerme.");

            Map<String, Long> counters = counters(harness);
            assertThat(counters)
                    .containsEntry("augment.mt_variants", 1L)
                    .containsEntry("augment.mt_failed", 2L)
                    .containsEntry("augment.mt_circuit_open", 1L)
                    .containsEntry("augment.mt_identical", 1L)
                    .containsEntry("augment.mt_too_long", 1L);
        }
    }

    @Test
    void aRecordResentAloneAfterAnUnsplittableBatchIsCounted() throws Exception {
        TextEvent a = event("a", "A cat.");
        try (OneInputStreamOperatorTestHarness<BackTranslation, TextEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new BackTranslationEmitter(SETTINGS))) {
            harness.processElement(
                    BackTranslation.translated(a, 1, "Un gato.", "A kitten.", true), 1L);
            assertThat(harness.extractOutputValues()).hasSize(2);
            assertThat(counters(harness))
                    .containsEntry("augment.mt_batch_resent", 1L)
                    .containsEntry("augment.mt_variants", 1L);
        }
    }

    @Test
    void resultTypeIsAPojo() {
        assertSerializedAsPojoWithoutKryo(BackTranslation.class);
    }

    @Test
    void recordTimeoutCoversEveryRetryOfBothLegsAndTheResendOfAnUnsplittableBatch() {
        BackTranslateSettings s = SETTINGS;
        long legs =
                2
                        * (s.batchMaxDelay().toMillis()
                                + 2 * (s.retries() + 1) * s.requestTimeout().toMillis());
        assertThat(s.recordTimeout().toMillis()).isGreaterThan(legs);
        assertThat(s.forwardPair()).isEqualTo("eng|spa");
        assertThat(s.backwardPair()).isEqualTo("spa|eng");
    }

    private static Map<String, Long> counters(OneInputStreamOperatorTestHarness<?, ?> harness) {
        Map<String, Long> values = new HashMap<>();
        for (Map.Entry<String, Accumulator<?, ?>> e :
                harness.getEnvironment().getAccumulatorRegistry().getUserMap().entrySet()) {
            values.put(e.getKey(), (Long) e.getValue().getLocalValue());
        }
        return values;
    }

    private static TextEvent event(String id, String text) {
        byte[] original = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        return new TextEvent(
                new TextRecord(id, 1000L, text, "x", null), 1000L, "test:" + id, original, null);
    }
}

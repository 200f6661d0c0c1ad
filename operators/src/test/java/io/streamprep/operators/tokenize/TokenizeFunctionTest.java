package io.streamprep.operators.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.config.TokenizerOptions;
import io.streamprep.schemas.config.TokenizerOptions.Padding;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.records.TrainingRecord;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class TokenizeFunctionTest {

    private static final SplitAssigner SPLITS = new SplitAssigner(42L, 0.5, 0.25, 0.25);
    private static final LabelIndex LABELS = new LabelIndex(List.of("neg", "pos"));

    @Test
    void emitsOneRecordPerWindowInTheSourceSplit() throws Exception {
        TextEvent event = event("doc-1", TestTokenizers.LONG_TEXT, "pos");
        try (var harness = harness(TestTokenizers.builtin(64, 16), true)) {
            harness.processElement(event, 7L);

            List<TrainingRecord> records = harness.extractOutputValues();
            String split = SPLITS.splitOf("doc-1");
            assertThat(records).hasSizeGreaterThan(2);
            for (int w = 0; w < records.size(); w++) {
                TrainingRecord record = records.get(w);
                assertThat(record.id()).isEqualTo("doc-1#0#" + w);
                assertThat(record.sourceId()).isEqualTo("doc-1");
                assertThat(record.variant()).isZero();
                assertThat(record.window()).isEqualTo(w);
                assertThat(record.split()).isEqualTo(split);
                assertThat(record.label()).isEqualTo("pos");
                assertThat(record.labelId()).isEqualTo(1);
                assertThat(record.text()).isEqualTo(TestTokenizers.LONG_TEXT);
                assertThat(record.inputIds()).startsWith(101).endsWith(102);
                assertThat(record.tokenTypeIds()).hasSameSizeAs(record.inputIds());
            }
            try (TextTokenizer tokenizer = TextTokenizer.open(TestTokenizers.builtin(64, 16))) {
                assertThat(records)
                        .extracting(TrainingRecord::inputIds)
                        .containsExactlyElementsOf(
                                tokenizer.encode(TestTokenizers.LONG_TEXT).stream()
                                        .map(TokenWindow::inputIds)
                                        .collect(Collectors.toList()));
            }
            assertThat(harness.getSideOutput(OutputTags.DEAD_LETTERS)).isNullOrEmpty();
        }
    }

    @Test
    void mapsLabelsAndLeavesOutTextWhenAsked() throws Exception {
        try (var harness = harness(TestTokenizers.builtin(128, 32), false)) {
            harness.processElement(event("a", "good film", "pos"), 1L);
            harness.processElement(event("b", "bad film", "neg"), 2L);
            harness.processElement(event("c", "some film", null), 3L);

            assertThat(harness.extractOutputValues())
                    .extracting(
                            TrainingRecord::id,
                            TrainingRecord::label,
                            TrainingRecord::labelId,
                            TrainingRecord::text)
                    .containsExactly(
                            tuple("a#0#0", "pos", 1, null),
                            tuple("b#0#0", "neg", 0, null),
                            tuple("c#0#0", null, LabelIndex.NO_LABEL, null));
        }
    }

    @Test
    void splitIsStableAcrossInstancesAndSpreadOverIds() throws Exception {
        List<TextEvent> events =
                IntStream.range(0, 40)
                        .mapToObj(i -> event("id-" + i, "text number " + i, null))
                        .collect(Collectors.toList());

        Map<String, String> first = splitsById(events);
        Map<String, String> second = splitsById(events);

        assertThat(second).isEqualTo(first);
        first.forEach((id, split) -> assertThat(split).isEqualTo(SPLITS.splitOf(id)));
        assertThat(new HashSet<>(first.values()))
                .containsExactlyInAnyOrder(
                        SplitAssigner.TRAIN, SplitAssigner.VALIDATION, SplitAssigner.TEST);
    }

    @Test
    void aTextTheTokenizerRejectsIsDeadLetteredAndTheStreamGoesOn() throws Exception {
        TextEvent bad = event("bad", "broken \uD800 text", "pos");
        try (var harness = harness(TestTokenizers.builtin(128, 32), true)) {
            harness.processElement(bad, 1L);
            harness.processElement(event("good", "fine text", "neg"), 2L);

            assertThat(harness.extractOutputValues())
                    .extracting(TrainingRecord::id)
                    .containsExactly("good#0#0");
            List<DeadLetterRecord> deadLetters =
                    harness.getSideOutput(OutputTags.DEAD_LETTERS).stream()
                            .map(StreamRecord::getValue)
                            .collect(Collectors.toList());
            assertThat(deadLetters).hasSize(1);
            DeadLetterRecord dead = deadLetters.get(0);
            assertThat(dead.reason()).isEqualTo("tokenizer_error");
            assertThat(dead.stage()).isEqualTo("tokenize");
            assertThat(dead.id()).isEqualTo("bad");
            assertThat(dead.position()).isEqualTo(bad.position());
            assertThat(dead.original()).isEqualTo(bad.original());
            assertThat(dead.message()).contains("unpaired UTF-16 surrogate");
            assertThat(counters(harness)).containsEntry("dlq.tokenizer_error", 1L);
        }
    }

    @Test
    void countsRecordsSourcesTokensAndLabelsPerSplit() throws Exception {
        TextEvent longOne = event("long", TestTokenizers.LONG_TEXT, "pos");
        TextEvent shortOne = event("short", "hello world", null);
        try (var harness = harness(TestTokenizers.builtin(64, 16), true)) {
            harness.processElement(longOne, 1L);
            harness.processElement(shortOne, 2L);

            List<TrainingRecord> records = harness.extractOutputValues();
            Map<String, Long> expected = new HashMap<>();
            for (TrainingRecord record : records) {
                String label = record.label() == null ? "(none)" : record.label();
                expected.merge("out.records." + record.split(), 1L, Long::sum);
                expected.merge("out.label." + record.split() + "." + label, 1L, Long::sum);
                expected.merge("out.tokens", (long) record.tokenCount(), Long::sum);
            }
            expected.merge("out.sources." + SPLITS.splitOf("long"), 1L, Long::sum);
            expected.merge("out.sources." + SPLITS.splitOf("short"), 1L, Long::sum);

            assertThat(counters(harness)).isEqualTo(expected);
            assertThat(expected.get("out.tokens")).isGreaterThan(4L + 64L);
        }
    }

    @Test
    void paddingIsNotCountedAsTokens() throws Exception {
        TokenizerSettings padded =
                new TokenizerSettings(
                        TokenizerOptions.BUILTIN_BERT_UNCASED,
                        16,
                        true,
                        true,
                        0,
                        Padding.MAX_LENGTH,
                        true,
                        true);
        try (var harness = harness(padded, false)) {
            harness.processElement(event("x", "hello world", null), 1L);

            assertThat(harness.extractOutputValues().get(0).inputIds()).hasSize(16);
            assertThat(counters(harness)).containsEntry("out.tokens", 4L);
        }
    }

    @Test
    void badSettingsFailOpen() {
        TokenizeFunction function =
                new TokenizeFunction(TestTokenizers.builtin(8, 6), SPLITS, LABELS, false);

        assertThatThrownBy(() -> ProcessFunctionTestHarnesses.forProcessFunction(function))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.stride");
    }

    @Test
    void isSerializableForShippingToTaskManagers() throws Exception {
        TokenizeFunction function =
                new TokenizeFunction(TestTokenizers.builtin(64, 16), SPLITS, LABELS, true);

        TokenizeFunction copy = InstantiationUtil.clone(function);
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(copy)) {
            harness.processElement(event("doc", "hello world", "neg"), 1L);

            assertThat(harness.extractOutputValues())
                    .extracting(TrainingRecord::inputIds)
                    .containsExactly(new int[] {101, 7592, 2088, 102});
        }
    }

    private static Map<String, String> splitsById(List<TextEvent> events) throws Exception {
        try (var harness = harness(TestTokenizers.builtin(128, 32), false)) {
            for (TextEvent event : events) {
                harness.processElement(event, 0L);
            }
            Map<String, String> splits = new HashMap<>();
            Set<String> ids = new HashSet<>();
            for (TrainingRecord record : harness.extractOutputValues()) {
                splits.put(record.sourceId(), record.split());
                ids.add(record.id());
            }
            assertThat(ids).hasSize(events.size());
            return splits;
        }
    }

    private static OneInputStreamOperatorTestHarness<TextEvent, TrainingRecord> harness(
            TokenizerSettings settings, boolean includeText) throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(
                new TokenizeFunction(settings, SPLITS, LABELS, includeText));
    }

    private static Map<String, Long> counters(
            OneInputStreamOperatorTestHarness<TextEvent, TrainingRecord> harness) {
        Map<String, Long> values = new HashMap<>();
        for (Map.Entry<String, Accumulator<?, ?>> e :
                harness.getEnvironment().getAccumulatorRegistry().getUserMap().entrySet()) {
            values.put(e.getKey(), (Long) e.getValue().getLocalValue());
        }
        return values;
    }

    private static TextEvent event(String id, String text, String label) {
        byte[] original =
                ("{\"id\":\"" + id + "\",\"text\":\"...\"}").getBytes(StandardCharsets.UTF_8);
        return new TextEvent(
                new TextRecord(id, null, text, label, null), 1000L, "test:" + id, original, null);
    }
}

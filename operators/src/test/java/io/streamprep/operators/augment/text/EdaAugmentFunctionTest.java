package io.streamprep.operators.augment.text;

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
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class EdaAugmentFunctionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT =
            "A large bird of prey that hunts small animals over open grassland and marshes.";

    @Test
    void emitsTheOriginalThenItsVariantsWithProvenanceInTheSourceSplit() throws Exception {
        TextEvent original =
                event("wn-1", TEXT, "noun.animal").withSplitKey("cluster-7").withExtraVariants(1);
        List<TextEvent> out = run(policy("noun.animal:2"), 42L, original);

        assertThat(out.get(0)).isEqualTo(original);
        List<TextEvent> variants = out.subList(1, out.size());
        assertThat(variants).extracting(TextEvent::variant).containsExactly(1, 2, 3);
        for (TextEvent v : variants) {
            assertThat(v.id()).isEqualTo("wn-1");
            assertThat(v.record().label()).isEqualTo("noun.animal");
            assertThat(v.splitId()).isEqualTo("cluster-7");
            assertThat(v.eventTime()).isEqualTo(original.eventTime());
            assertThat(v.extraVariants()).isZero();
            assertThat(v.text()).isNotBlank().isNotEqualTo(TEXT);
            JsonNode ops = MAPPER.readTree(v.augmentations());
            assertThat(ops.isArray()).isTrue();
            assertThat(ops.size()).isPositive();
            for (JsonNode op : ops) {
                assertThat(op.get("op").asText())
                        .isIn("synonym_replace", "random_insert", "random_swap", "random_delete");
                assertThat(op.has("n")).isTrue();
            }
        }
        assertThat(variants).extracting(TextEvent::text).doesNotHaveDuplicates();
    }

    @Test
    void replayAndAnotherInstanceGiveTheSameVariantsAndAnotherSeedDifferentOnes() throws Exception {
        TextEvent original = event("wn-2", TEXT, null);
        List<TextEvent> first = run(policy(""), 42L, original);
        List<TextEvent> again = run(InstantiationUtil.clone(policy("")), 42L, original);
        List<TextEvent> other = run(policy(""), 7L, original);
        assertThat(again).isEqualTo(first);
        assertThat(other.subList(1, other.size())).isNotEqualTo(first.subList(1, first.size()));
    }

    @Test
    void variantsPassThroughAndClassesWithZeroGetNoneAndCountersCount() throws Exception {
        TextEvent variant = event("wn-3", TEXT, "common").asVariant(4, "already augmented", "[]");
        TextEvent common = event("wn-4", TEXT, "common");
        TextEvent rare = event("wn-5", TEXT, "rare");
        try (OneInputStreamOperatorTestHarness<TextEvent, TextEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new EdaAugmentFunction(policy("common:0,rare:3"), 1L))) {
            harness.processElement(variant, 1L);
            harness.processElement(common, 2L);
            harness.processElement(rare, 3L);
            List<TextEvent> out = harness.extractOutputValues();
            assertThat(out.subList(0, 2)).containsExactly(variant, common);
            assertThat(out.subList(2, out.size()))
                    .extracting(TextEvent::id, TextEvent::variant)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("wn-5", 0),
                            org.assertj.core.groups.Tuple.tuple("wn-5", 1),
                            org.assertj.core.groups.Tuple.tuple("wn-5", 2),
                            org.assertj.core.groups.Tuple.tuple("wn-5", 3));
            assertThat(counters(harness)).containsEntry("augment.eda_variants", 3L);
        }
    }

    @Test
    void aOneWordTextThatOnlyDeletionCouldChangeGivesNoVariant() throws Exception {
        AugmentPolicy deleteOnly =
                AugmentPolicy.fromConfig(
                        Configuration.fromMap(
                                Map.of(
                                        "augment.enabled", "true",
                                        "augment.eda.operations", "random_delete")));
        try (OneInputStreamOperatorTestHarness<TextEvent, TextEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new EdaAugmentFunction(deleteOnly, 1L))) {
            harness.processElement(event("one", "word", null), 1L);
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(counters(harness)).containsEntry("augment.eda_identical", 2L);
        }
    }

    private static List<TextEvent> run(AugmentPolicy policy, long seed, TextEvent event)
            throws Exception {
        try (OneInputStreamOperatorTestHarness<TextEvent, TextEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new EdaAugmentFunction(policy, seed))) {
            harness.processElement(event, event.eventTime());
            return harness.extractOutputValues();
        }
    }

    private static AugmentPolicy policy(String perClass) {
        Map<String, String> values = new HashMap<>();
        values.put("augment.enabled", "true");
        values.put("augment.eda.variants", "2");
        if (!perClass.isEmpty()) {
            values.put("augment.eda.variants-per-class", perClass);
        }
        return AugmentPolicy.fromConfig(Configuration.fromMap(values));
    }

    private static Map<String, Long> counters(OneInputStreamOperatorTestHarness<?, ?> harness) {
        Map<String, Long> values = new HashMap<>();
        for (Map.Entry<String, Accumulator<?, ?>> e :
                harness.getEnvironment().getAccumulatorRegistry().getUserMap().entrySet()) {
            values.put(e.getKey(), (Long) e.getValue().getLocalValue());
        }
        return values;
    }

    static TextEvent event(String id, String text, String label) {
        byte[] original = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        return new TextEvent(
                new TextRecord(id, 1000L, text, label, null), 1000L, "test:" + id, original, null);
    }
}

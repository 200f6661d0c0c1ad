package io.streamprep.operators.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class FieldsOperatorTest {

    private static final List<FieldSpec> SPECS =
            FieldSpecs.parse(
                    List.of(
                            "price: numeric, required, scale=zscore",
                            "src: categorical, vocab=web|book, missing=mode"));

    private static TextEvent event(String id, String meta) {
        String line = "{\"id\":\"" + id + "\",\"text\":\"t\",\"meta\":" + meta + "}";
        return new TextEvent(
                new TextRecord(id, null, "t", null, meta),
                0,
                "test:" + id,
                line.getBytes(StandardCharsets.UTF_8),
                "fp");
    }

    private static OneInputStreamOperatorTestHarness<TextEvent, TextEvent> harness()
            throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new FieldsOperator(SPECS, null, 1));
    }

    @Test
    void acceptedEventsCarryFeaturesRejectsKeepTheirOriginalBytes() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(event("a", "{\"price\":1,\"src\":\"web\"}"), 0);
            h.processElement(event("b", "{\"src\":\"web\"}"), 0);
            h.processElement(event("c", "{\"price\":\"x\"}"), 0);

            List<TextEvent> out = h.extractOutputValues();
            assertThat(out).extracting(TextEvent::id).containsExactly("a");
            assertThat(
                            Json.MAPPER
                                    .readTree(out.get(0).features())
                                    .get("price")
                                    .get("value")
                                    .asDouble())
                    .isEqualTo(1.0);
            List<DeadLetterRecord> dead =
                    h.getSideOutput(OutputTags.DEAD_LETTERS).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertThat(dead)
                    .extracting(DeadLetterRecord::reason)
                    .containsExactly("missing_field", "wrong_type");
            assertThat(dead).extracting(DeadLetterRecord::stage).containsOnly("fields");
            assertThat(dead.get(0).original())
                    .isEqualTo(event("b", "{\"src\":\"web\"}").original());
            assertThat(dead.get(1).message()).contains("meta.price");
        }
    }

    @Test
    void runningStatisticsSurviveSnapshotAndRestoreAndAreEmittedAtEndOfInput() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(event("a", "{\"price\":1,\"src\":\"book\"}"), 0);
            h.processElement(event("b", "{\"price\":3,\"src\":\"book\"}"), 0);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            h.processElement(event("c", "{\"price\":4}"), 0);
            TextEvent c = h.extractOutputValues().get(0);
            var features = Json.MAPPER.readTree(c.features());
            // restored statistics of {1, 3}: mean 2, std 1; the mode of src is book
            assertThat(features.get("price").get("scaled").asDouble()).isEqualTo(2.0);
            assertThat(features.get("src").get("value").asText()).isEqualTo("book");

            h.endInput();
            List<byte[]> partials =
                    h.getSideOutput(FieldsOperator.STATS).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertThat(partials).hasSize(1);
            FieldStatistics stats = FieldStatistics.fromBytes(SPECS, partials.get(0));
            assertThat(stats.numericStats("price").count()).isEqualTo(3);
            assertThat(stats.numericStats("price").mean()).isEqualTo(8.0 / 3);
            assertThat(stats.categoryCounts("src").count(2)).isEqualTo(2);
        }
    }

    @Test
    void frozenStatisticsAreNotUpdatedByRecords() throws Exception {
        FrozenStats frozen =
                FrozenStats.fromJson(
                        Json.MAPPER.readTree(
                                "{\"version\":1,\"fields\":{\"price\":{\"type\":\"numeric\","
                                        + "\"count\":9,\"mean\":10,\"std\":5},\"src\":{\"type\":"
                                        + "\"categorical\",\"mode\":\"web\"}}}"),
                        SPECS,
                        "sha256:x");
        try (var h =
                new OneInputStreamOperatorTestHarness<TextEvent, TextEvent>(
                        new FieldsOperator(SPECS, frozen, 1))) {
            h.open();
            for (int i = 0; i < 3; i++) {
                h.processElement(event("e" + i, "{\"price\":20}"), 0);
            }
            List<String> features =
                    h.extractOutputValues().stream().map(TextEvent::features).toList();
            assertThat(features).hasSize(3).containsOnly(features.get(0));
            var f = Json.MAPPER.readTree(features.get(0));
            assertThat(f.get("price").get("scaled").asDouble()).isEqualTo(2.0);
            assertThat(f.get("src").get("value").asText()).isEqualTo("web");
            assertThat(f.get("_stats").get("file").asText()).isEqualTo("sha256:x");
        }
    }
}

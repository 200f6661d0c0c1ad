package io.streamprep.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordNetCorpusTest {

    @TempDir static Path dir;

    private static Path full;
    private static CorpusSummary fullSummary;
    private static List<TextRecord> records;

    @BeforeAll
    static void writeWholeCorpus() throws IOException {
        full = dir.resolve("wordnet.jsonl");
        fullSummary = WordNetCorpus.write(full, WordNetCorpus.Options.all());
        records = read(full);
    }

    @Test
    void labelsAreTheLexicographerFilesInFileNumberOrder() {
        List<String> labels = WordNetCorpus.labels();

        assertThat(labels).hasSize(45).doesNotHaveDuplicates();
        assertThat(labels.get(0)).isEqualTo("adj.all");
        assertThat(labels.get(3)).isEqualTo("noun.Tops");
        assertThat(labels.get(5)).isEqualTo("noun.animal");
        assertThat(labels.get(38)).isEqualTo("verb.motion");
        assertThat(labels.get(44)).isEqualTo("adj.ppl");
    }

    @Test
    void wholeCorpusHasEverySynsetOfWordNet31() {
        Map<String, Integer> perPos = new TreeMap<>();
        for (TextRecord record : records) {
            perPos.merge(record.id().substring(5, 6), 1, Integer::sum);
        }

        assertThat(records).hasSize(117_791);
        assertThat(perPos)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("n", 82_192, "v", 13_789, "a", 18_185, "r", 3_625));
        assertThat(fullSummary.records()).isEqualTo(117_791);
        assertThat(fullSummary.countsByLabel().keySet())
                .containsExactlyElementsOf(WordNetCorpus.labels());
        assertThat(fullSummary.countsByLabel())
                .containsEntry("adj.all", 14_460)
                .containsEntry("noun.animal", 7_510)
                .containsEntry("noun.motive", 42)
                .containsEntry("verb.weather", 81);
    }

    @Test
    void summaryCountsMatchTheWrittenRecords() {
        Map<String, Integer> perLabel = new HashMap<>();
        records.forEach(r -> perLabel.merge(r.label(), 1, Integer::sum));

        assertThat(fullSummary.countsByLabel()).containsExactlyInAnyOrderEntriesOf(perLabel);
    }

    @Test
    void recordsAreOrderedByPosThenOffsetWithUniqueIdsAndRisingTimestamps() {
        List<String> expectedPosOrder = List.of("n", "v", "a", "r");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            TextRecord record = records.get(i);
            assertThat(record.id()).matches("wn31-[nvar]-\\d{8}");
            assertThat(ids.add(record.id())).as("unique id %s", record.id()).isTrue();
            assertThat(record.ts()).isEqualTo(WordNetCorpus.BASE_TS + i * 1000L);
            if (i > 0) {
                String previous = records.get(i - 1).id();
                int posOrder = expectedPosOrder.indexOf(record.id().substring(5, 6));
                int previousPosOrder = expectedPosOrder.indexOf(previous.substring(5, 6));
                assertThat(posOrder).isGreaterThanOrEqualTo(previousPosOrder);
                if (posOrder == previousPosOrder) {
                    assertThat(record.id()).isGreaterThan(previous);
                }
            }
        }
    }

    @Test
    void firstRecordIsEntity() {
        TextRecord entity = records.get(0);

        assertThat(entity.id()).isEqualTo("wn31-n-00001740");
        assertThat(entity.label()).isEqualTo("noun.Tops");
        assertThat(entity.text())
                .isEqualTo(
                        "that which is perceived or known or inferred to have its own distinct"
                                + " existence (living or nonliving)");
        assertThat(entity.meta()).isEqualTo("{\"pos\":\"noun\",\"lemmas\":[\"entity\"]}");
    }

    @Test
    void twoRunsAreByteIdentical() throws IOException {
        Path again = dir.resolve("again.jsonl");
        WordNetCorpus.write(again, WordNetCorpus.Options.all());

        assertThat(Files.mismatch(full, again)).isEqualTo(-1L);
    }

    @Test
    void duplicateTextCountIsTheNumberOfRepeatedDefinitions() {
        Map<String, Integer> occurrences = new HashMap<>();
        records.forEach(r -> occurrences.merge(r.text(), 1, Integer::sum));
        int repeats = occurrences.values().stream().mapToInt(n -> n - 1).sum();

        assertThat(fullSummary.duplicateTexts()).isEqualTo(repeats).isEqualTo(872);
        assertThat(occurrences.values().stream().filter(n -> n > 1).count()).isEqualTo(580);
    }

    @Test
    void labelFilterAndLimitSelectTheFirstMatchingRecords() throws IOException {
        Path out = dir.resolve("filtered.jsonl");
        CorpusSummary summary =
                WordNetCorpus.write(
                        out,
                        WordNetCorpus.Options.all()
                                .withLabels(List.of("verb.weather", "noun.motive"))
                                .withLimit(100));
        List<TextRecord> filtered = read(out);
        List<TextRecord> expected = new ArrayList<>();
        for (TextRecord r : records) {
            if (expected.size() < 100
                    && (r.label().equals("verb.weather") || r.label().equals("noun.motive"))) {
                expected.add(r);
            }
        }

        assertThat(summary.countsByLabel())
                .containsExactly(Map.entry("noun.motive", 42), Map.entry("verb.weather", 58));
        assertThat(filtered)
                .extracting(TextRecord::id)
                .containsExactlyElementsOf(expected.stream().map(TextRecord::id).toList());
        assertThat(filtered.get(0).ts()).isEqualTo(WordNetCorpus.BASE_TS);
    }

    @Test
    void examplesAreIncludedOnlyWhenAsked() {
        List<TextRecord> withExamples = new ArrayList<>();
        WordNetCorpus.forEach(
                WordNetCorpus.Options.all().withLabels(List.of("verb.weather")).withExamples(true),
                withExamples::add);
        TextRecord definitionOnly =
                records.stream()
                        .filter(r -> r.id().equals(withExamples.get(0).id()))
                        .findFirst()
                        .orElseThrow();

        assertThat(withExamples).hasSize(81);
        assertThat(withExamples.stream().filter(r -> r.text().contains("; \"")).count())
                .isPositive();
        assertThat(withExamples.get(0).text()).startsWith(definitionOnly.text());
    }

    @Test
    void metaIsAJsonObjectWithPosAndLemmas() throws IOException {
        JsonNode meta = Json.MAPPER.readTree(records.get(records.size() - 1).meta());

        assertThat(meta.get("pos").asText()).isEqualTo("adverb");
        assertThat(meta.get("lemmas").isArray()).isTrue();
        assertThat(meta.get("lemmas")).isNotEmpty();
    }

    @Test
    void rejectsUnknownLabelsAndNegativeLimits() {
        assertThatThrownBy(() -> WordNetCorpus.Options.all().withLabels(List.of("noun.animals")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noun.animals");
        assertThatThrownBy(() -> WordNetCorpus.Options.all().withLimit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    private static List<TextRecord> read(Path file) throws IOException {
        List<TextRecord> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(Json.fromString(line, TextRecord.class));
        }
        return out;
    }
}

package io.streamprep.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.corpus.ExpectedOutcome.Outcome;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the committed sample against a fresh build, and checks that the expected-outcome manifest
 * tells the truth about the sample, using an independent reference parse and normalization.
 *
 * <p>Regenerate the committed files with {@code -Dstreamprep.regenerate-sample=true}.
 */
class SampleDataGeneratorTest {

    private static final Pattern CARD = Pattern.compile("\\d(?:[ -]?\\d){12,18}");

    @TempDir static Path fresh;

    private static List<byte[]> lines;
    private static Map<Integer, ExpectedOutcome> expected;

    @BeforeAll
    static void generateFresh() throws IOException {
        if (Boolean.getBoolean("streamprep.regenerate-sample")) {
            SampleDataGenerator.generate(sampleDir());
        }
        SampleDataGenerator.generate(fresh);
        lines = splitLines(Files.readAllBytes(fresh.resolve(SampleDataGenerator.RECORDS_FILE)));
        expected = new TreeMap<>();
        for (byte[] line :
                splitLines(Files.readAllBytes(fresh.resolve(SampleDataGenerator.EXPECTED_FILE)))) {
            ExpectedOutcome outcome = Json.fromBytes(line, ExpectedOutcome.class);
            expected.put(outcome.line(), outcome);
        }
    }

    @Test
    void committedSampleEqualsAFreshBuild() throws IOException {
        Path committed = sampleDir();

        for (String file :
                List.of(
                        SampleDataGenerator.RECORDS_FILE,
                        SampleDataGenerator.EXPECTED_FILE,
                        SampleDataGenerator.LICENSE_FILE)) {
            assertThat(Files.mismatch(committed.resolve(file), fresh.resolve(file)))
                    .as(
                            "%s differs from a fresh build; regenerate with"
                                    + " -Dstreamprep.regenerate-sample=true",
                            file)
                    .isEqualTo(-1L);
        }
        assertThat(Files.size(committed.resolve(SampleDataGenerator.RECORDS_FILE)))
                .isLessThan(1024 * 1024);
    }

    @Test
    void twoThousandWordNetRecordsInTheSixLabelsPlusHandMadeLines() {
        Map<String, Integer> perLabel = new TreeMap<>();
        for (byte[] line : lines) {
            JsonNode node = parseOrNull(line);
            if (node != null && node.path("id").asText().startsWith("wn31-")) {
                perLabel.merge(node.get("label").asText(), 1, Integer::sum);
            }
        }

        assertThat(perLabel)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "adj.all", 300,
                                "noun.animal", 370,
                                "noun.artifact", 400,
                                "noun.food", 320,
                                "noun.plant", 340,
                                "verb.motion", 270));
        assertThat(lines).hasSize(2000 + 32);
    }

    @Test
    void onlyTheInvalidUtf8LineIsInvalidUtf8() {
        List<Integer> invalid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!isUtf8(lines.get(i))) {
                invalid.add(i + 1);
            }
        }

        assertThat(invalid).hasSize(1);
        assertThat(expected.get(invalid.get(0)).reason())
                .isEqualTo(RejectReason.INVALID_UTF8.code());
    }

    @Test
    void eventTimeRisesOneSecondPerLine() {
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = parseOrNull(lines.get(i));
            if (node != null && node.has("ts")) {
                assertThat(node.get("ts").asLong()).isEqualTo(WordNetCorpus.BASE_TS + i * 1000L);
            }
        }
    }

    @Test
    void deadLetterReasonsMatchAReferenceValidation() {
        Map<String, Integer> reasons = new TreeMap<>();
        for (ExpectedOutcome outcome : expected.values()) {
            if (outcome.expect() == Outcome.DEAD_LETTER) {
                assertThat(referenceReason(lines.get(outcome.line() - 1)))
                        .as("line %d (%s)", outcome.line(), outcome.kind())
                        .isEqualTo(outcome.reason());
                reasons.merge(outcome.reason(), 1, Integer::sum);
            }
        }

        assertThat(reasons)
                .containsOnlyKeys(
                        "invalid_utf8",
                        "not_json",
                        "not_object",
                        "missing_id",
                        "empty_id",
                        "missing_text",
                        "empty_text",
                        "wrong_type",
                        "unknown_label",
                        "empty_after_normalization")
                .containsEntry("wrong_type", 2);
    }

    @Test
    void linesNotInTheManifestPassTheReferenceValidation() {
        for (int i = 0; i < lines.size(); i++) {
            ExpectedOutcome outcome = expected.get(i + 1);
            if (outcome == null || outcome.expect() != Outcome.DEAD_LETTER) {
                assertThat(referenceReason(lines.get(i))).as("line %d", i + 1).isNull();
            }
        }
    }

    @Test
    void duplicatesAreExactlyTheManifestsAfterReferenceNormalization() {
        Map<String, String> keptIdByText = new HashMap<>();
        Map<String, String> textById = new HashMap<>();
        Set<Integer> foundDuplicates = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ExpectedOutcome outcome = expected.get(i + 1);
            if (outcome != null && outcome.expect() == Outcome.DEAD_LETTER) {
                continue;
            }
            JsonNode node = Json.fromBytes(lines.get(i), JsonNode.class);
            String text = normalize(node.get("text").asText());
            textById.put(node.get("id").asText(), text);
            String kept = keptIdByText.putIfAbsent(text, node.get("id").asText());
            if (kept != null) {
                foundDuplicates.add(i + 1);
                assertThat(outcome).as("line %d duplicates %s", i + 1, kept).isNotNull();
                assertThat(outcome.expect()).isEqualTo(Outcome.DUPLICATE);
                assertThat(outcome.duplicateOf()).isEqualTo(kept);
            }
        }
        List<ExpectedOutcome> caseVariants =
                expected.values().stream().filter(o -> o.lowercaseDuplicateOf() != null).toList();

        assertThat(foundDuplicates)
                .containsExactlyInAnyOrderElementsOf(
                        expected.values().stream()
                                .filter(o -> o.expect() == Outcome.DUPLICATE)
                                .map(ExpectedOutcome::line)
                                .toList());
        assertThat(
                        expected.values().stream()
                                .filter(o -> o.kind().startsWith("duplicate-"))
                                .count())
                .isEqualTo(10);
        assertThat(caseVariants).hasSize(2);
        for (ExpectedOutcome variant : caseVariants) {
            assertThat(textById.get(variant.id()).toLowerCase(Locale.ROOT))
                    .isEqualTo(
                            textById.get(variant.lowercaseDuplicateOf()).toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void piiLinesCarryTheDataTheirPlaceholdersReplace() {
        Map<String, Pattern> patterns =
                Map.of(
                        "<EMAIL>", Pattern.compile("[\\w.]+@example\\.(org|com)"),
                        "<PHONE>", Pattern.compile("\\(?\\d{3}\\)?[ -]555-01\\d\\d"),
                        "<IP>", Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        List<ExpectedOutcome> pii =
                expected.values().stream().filter(o -> o.placeholders() != null).toList();

        assertThat(pii).hasSize(5);
        for (ExpectedOutcome outcome : pii) {
            String text =
                    Json.fromBytes(lines.get(outcome.line() - 1), JsonNode.class)
                            .get("text")
                            .asText();
            for (String placeholder : outcome.placeholders()) {
                if (placeholder.equals("<CREDIT_CARD>")) {
                    assertThat(hasLuhnValidNumber(text)).as(text).isTrue();
                } else {
                    assertThat(patterns.get(placeholder).matcher(text).find()).as(text).isTrue();
                }
            }
        }
    }

    @Test
    void readmeTableListsEveryManifestLine() throws IOException {
        String readme = Files.readString(sampleDir().resolve("README.md"));

        for (ExpectedOutcome outcome : expected.values()) {
            String id = outcome.id() == null ? "—" : "`" + outcome.id() + "`";
            assertThat(readme)
                    .contains("| " + outcome.line() + " | " + id + " | " + outcome.kind() + " |");
        }
    }

    @Test
    void licenseIsPrincetonsWordNet31License() {
        String license = WordNetLicense.text();

        assertThat(license.lines().count()).isEqualTo(29);
        assertThat(license)
                .startsWith("This software and database is being provided to you, the LICENSEE")
                .contains(
                        "WordNet 3.1 Copyright 2011 by Princeton University.  All rights reserved.")
                .endsWith("Princeton University and LICENSEE agrees to preserve same.\n");
    }

    /** What a strict parse-and-validate stage says about a line, or null if it passes. */
    private static String referenceReason(byte[] line) {
        if (!isUtf8(line)) {
            return RejectReason.INVALID_UTF8.code();
        }
        JsonNode node = parseOrNull(line);
        if (node == null) {
            return RejectReason.NOT_JSON.code();
        }
        if (!node.isObject()) {
            return RejectReason.NOT_OBJECT.code();
        }
        JsonNode id = node.get("id");
        JsonNode text = node.get("text");
        if (id == null || id.isNull()) {
            return RejectReason.MISSING_ID.code();
        }
        if (!id.isTextual()) {
            return RejectReason.WRONG_TYPE.code();
        }
        if (id.asText().isBlank()) {
            return RejectReason.EMPTY_ID.code();
        }
        if (text == null || text.isNull()) {
            return RejectReason.MISSING_TEXT.code();
        }
        if (!text.isTextual()) {
            return RejectReason.WRONG_TYPE.code();
        }
        if (text.asText().isEmpty()) {
            return RejectReason.EMPTY_TEXT.code();
        }
        if (node.has("label") && !SampleDataGenerator.LABELS.contains(node.get("label").asText())) {
            return RejectReason.UNKNOWN_LABEL.code();
        }
        if (normalize(text.asText()).isEmpty()) {
            return RejectReason.EMPTY_AFTER_NORMALIZATION.code();
        }
        return null;
    }

    /** HTML to visible text, NFKC, whitespace collapsed: the default normalization, without PII. */
    private static String normalize(String text) {
        String visible = text.indexOf('<') >= 0 ? Jsoup.parse(text).text() : text;
        return Normalizer.normalize(visible, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
    }

    private static boolean hasLuhnValidNumber(String text) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                int d = digits.charAt(digits.length() - 1 - i) - '0';
                sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
            }
            if (sum % 10 == 0) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parseOrNull(byte[] line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                out.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        assertThat(start).as("the file ends with a newline").isEqualTo(bytes.length);
        return out;
    }

    private static Path sampleDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/sample"))) {
                return dir.resolve("data/sample");
            }
        }
        throw new IllegalStateException(
                "No data/sample folder above " + Path.of("").toAbsolutePath());
    }
}

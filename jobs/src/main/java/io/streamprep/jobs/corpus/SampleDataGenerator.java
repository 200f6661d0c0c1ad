package io.streamprep.jobs.corpus;

import io.streamprep.jobs.corpus.SyntheticRecords.Synthetic;
import io.streamprep.operators.common.StableHash;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the shipped demo data in {@code data/sample}: {@value #RECORDS_FILE} (2,000 real WordNet
 * 3.1 definitions from the six {@link #LABELS} plus hand-made lines that exercise every stage),
 * {@value #EXPECTED_FILE} (what the pipeline should do with every line that is not a plain WordNet
 * record, see {@link ExpectedOutcome}) and {@value #LICENSE_FILE} (WordNet's license, read from the
 * WordNet data jar).
 *
 * <p>Deterministic: the WordNet records are chosen and ordered by stable hashes of their ids, the
 * hand-made lines sit at fixed positions, and line {@code n} (1-based) has event time {@link
 * WordNetCorpus#BASE_TS} {@code + (n - 1) * 1000}. The same WordNet data always give byte-identical
 * files; {@code SampleDataGeneratorTest} checks the committed files against a fresh build.
 */
public final class SampleDataGenerator {

    public static final String RECORDS_FILE = "wordnet-glosses.jsonl";
    public static final String EXPECTED_FILE = "wordnet-glosses.expected.jsonl";
    public static final String LICENSE_FILE = "WORDNET-LICENSE";

    /** The sample's labels in WordNet file number order: the sample's {@code labels.list}. */
    public static final List<String> LABELS =
            List.of(
                    "adj.all",
                    "noun.animal",
                    "noun.artifact",
                    "noun.food",
                    "noun.plant",
                    "verb.motion");

    /** WordNet records per label: unequal on purpose, but no class is rare. */
    private static final Map<String, Integer> QUOTAS =
            Map.of(
                    "adj.all", 300,
                    "noun.animal", 370,
                    "noun.artifact", 400,
                    "noun.food", 320,
                    "noun.plant", 340,
                    "verb.motion", 270);

    private static final long SEED = 31L;

    private SampleDataGenerator() {}

    /**
     * Writes the three sample files into {@code dir}, replacing existing ones.
     *
     * @throws IOException if a file cannot be written
     * @throws IllegalStateException if the WordNet data cannot be read
     */
    public static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Sample sample = build();
        Files.write(dir.resolve(RECORDS_FILE), sample.records());
        Files.write(dir.resolve(EXPECTED_FILE), sample.expected());
        Files.writeString(dir.resolve(LICENSE_FILE), WordNetLicense.text(), StandardCharsets.UTF_8);
    }

    /** The contents of the records and expected-outcome files. */
    record Sample(byte[] records, byte[] expected) {}

    static Sample build() {
        Map<String, List<TextRecord>> byLabel = new HashMap<>();
        WordNetCorpus.forEach(
                WordNetCorpus.Options.all().withLabels(LABELS),
                r -> byLabel.computeIfAbsent(r.label(), l -> new ArrayList<>()).add(r));
        List<TextRecord> chosen = new ArrayList<>();
        List<TextRecord> spares = new ArrayList<>();
        for (String label : LABELS) {
            List<TextRecord> candidates = shuffled(byLabel.get(label), "select");
            int quota = QUOTAS.get(label);
            chosen.addAll(candidates.subList(0, quota));
            spares.addAll(candidates.subList(quota, candidates.size()));
        }
        chosen = shuffled(chosen, "order");
        return layout(chosen, SyntheticRecords.create(chosen, shuffled(spares, "spare")));
    }

    private static Sample layout(List<TextRecord> wordnet, List<Synthetic> synthetic) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Map<String, String> firstIdByText = new HashMap<>();
        int line = 0;
        int next = 0;
        for (int i = 0; i < wordnet.size(); i++) {
            TextRecord r = wordnet.get(i);
            line++;
            writeLine(
                    records,
                    Json.toBytes(new TextRecord(r.id(), ts(line), r.text(), r.label(), r.meta())));
            String first = firstIdByText.putIfAbsent(r.text(), r.id());
            if (first != null) {
                writeLine(
                        expected,
                        Json.toBytes(
                                ExpectedOutcome.duplicate(
                                                r.id(),
                                                "natural-duplicate",
                                                first,
                                                "WordNet itself gives "
                                                        + first
                                                        + " the same definition")
                                        .atLine(line)));
            }
            for (; next < synthetic.size() && synthetic.get(next).after() == i; next++) {
                line++;
                writeLine(records, synthetic.get(next).render().apply(ts(line)));
                writeLine(expected, Json.toBytes(synthetic.get(next).expected().atLine(line)));
            }
        }
        return new Sample(records.toByteArray(), expected.toByteArray());
    }

    private static List<TextRecord> shuffled(List<TextRecord> records, String purpose) {
        Comparator<TextRecord> byHash =
                Comparator.comparingLong(r -> StableHash.hash64(SEED, purpose, r.id()));
        return records.stream().sorted(byHash.thenComparing(TextRecord::id)).toList();
    }

    private static long ts(int line) {
        return WordNetCorpus.BASE_TS + (line - 1) * WordNetCorpus.TS_STEP_MS;
    }

    private static void writeLine(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(bytes);
        out.write('\n');
    }
}

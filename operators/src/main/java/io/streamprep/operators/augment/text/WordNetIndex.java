package io.streamprep.operators.augment.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.AbstractCachingDictionary;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * The parts of WordNet that synonym lookups read, held in memory: for each part of speech, each
 * lemma's senses (synsets, in WordNet's sense order) and each exception-list entry; for each
 * synset, its lemmas in WordNet's order.
 *
 * <p>Built once from an extjwnl {@link Dictionary}, which can be dropped afterwards. extjwnl's
 * resource dictionary parses index and data lines on every uncached lookup, under one lock; this
 * index answers from hash maps and needs no lock (it is immutable once built), at about 1.7 s to
 * build and a few tens of MB of heap, against about 150 MB for extjwnl's own map-backed dictionary.
 *
 * <p>Keys follow extjwnl's query preparation (trimmed, lower case), with {@code _} and space the
 * same character, as WordNet's files store spaces as underscores.
 */
final class WordNetIndex {

    /** Parts of speech in the order synonyms are collected; an index into the per-POS tables. */
    static final List<POS> POS_ORDER = List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB);

    private static final int[] NO_SENSES = new int[0];

    private final List<Map<String, int[]>> senses;
    private final List<Map<String, String[]>> exceptions;
    private final List<String[]> sortedLemmas;
    private final String[][] synsetLemmas;

    private WordNetIndex(
            List<Map<String, int[]>> senses,
            List<Map<String, String[]>> exceptions,
            List<String[]> sortedLemmas,
            String[][] synsetLemmas) {
        this.senses = senses;
        this.exceptions = exceptions;
        this.sortedLemmas = sortedLemmas;
        this.synsetLemmas = synsetLemmas;
    }

    /** Reads every synset, index word and exception of the dictionary. */
    static WordNetIndex build(Dictionary dictionary) throws JWNLException {
        // Uncached, a lookup answers what a fresh dictionary would: its binary search's line, not
        // whichever line of a repeated entry the iteration happened to cache last.
        if (dictionary instanceof AbstractCachingDictionary caching && caching.isCachingEnabled()) {
            caching.setCachingEnabled(false);
            try {
                return read(dictionary);
            } finally {
                caching.setCachingEnabled(true);
            }
        }
        return read(dictionary);
    }

    private static WordNetIndex read(Dictionary dictionary) throws JWNLException {
        Map<String, String> strings = new HashMap<>();
        List<String[]> lemmasOfSynsets = new ArrayList<>();
        List<Map<String, int[]>> senses = new ArrayList<>();
        List<Map<String, String[]>> exceptions = new ArrayList<>();
        List<String[]> sortedLemmas = new ArrayList<>();
        for (POS pos : POS_ORDER) {
            Map<Long, Integer> idOfOffset = new HashMap<>();
            Iterator<Synset> synsets = dictionary.getSynsetIterator(pos);
            while (synsets.hasNext()) {
                Synset synset = synsets.next();
                List<Word> words = synset.getWords();
                String[] lemmas = new String[words.size()];
                for (int i = 0; i < lemmas.length; i++) {
                    lemmas[i] = strings.computeIfAbsent(words.get(i).getLemma(), s -> s);
                }
                idOfOffset.put(synset.getOffset(), lemmasOfSynsets.size());
                lemmasOfSynsets.add(lemmas);
            }
            Map<String, int[]> sensesOfPos = new HashMap<>();
            Iterator<IndexWord> indexWords = dictionary.getIndexWordIterator(pos);
            while (indexWords.hasNext()) {
                IndexWord indexWord = indexWords.next();
                long[] offsets = indexWord.getSynsetOffsets();
                int[] ids = new int[offsets.length];
                for (int i = 0; i < ids.length; i++) {
                    Integer id = idOfOffset.get(offsets[i]);
                    if (id == null) {
                        throw new IllegalStateException(
                                "WordNet index word '"
                                        + indexWord.getLemma()
                                        + "' points at no "
                                        + pos.getLabel()
                                        + " synset at offset "
                                        + offsets[i]);
                    }
                    ids[i] = id;
                }
                sensesOfPos.put(
                        strings.computeIfAbsent(key(indexWord.getLemma()), s -> s),
                        ids.length == 0 ? NO_SENSES : ids);
            }
            Map<String, String[]> exceptionsOfPos = new HashMap<>();
            Iterator<Exc> excs = dictionary.getExceptionIterator(pos);
            while (excs.hasNext()) {
                Exc exc = excs.next();
                String key = key(exc.getLemma());
                if (exceptionsOfPos.containsKey(key)) {
                    // A few derivations have two lines (noun.exc: "aurar eyir", "aurar eyrir");
                    // lookups get the one extjwnl's binary search lands on.
                    exc = dictionary.getException(pos, exc.getLemma());
                }
                exceptionsOfPos.put(
                        key,
                        exc.getExceptions().stream()
                                .map(s -> strings.computeIfAbsent(s, t -> t))
                                .toArray(String[]::new));
            }
            String[] sorted = sensesOfPos.keySet().toArray(new String[0]);
            Arrays.sort(sorted);
            senses.add(sensesOfPos);
            exceptions.add(exceptionsOfPos);
            sortedLemmas.add(sorted);
        }
        return new WordNetIndex(
                List.copyOf(senses),
                List.copyOf(exceptions),
                List.copyOf(sortedLemmas),
                lemmasOfSynsets.toArray(new String[0][]));
    }

    /** The key of a query, as extjwnl prepares it: trimmed, lower case, {@code _} as a space. */
    static String key(String query) {
        return query.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whether the lemma (a {@link #key}) is an index word of the part of speech. */
    boolean isLemma(int pos, String key) {
        return !key.isEmpty() && senses.get(pos).containsKey(key);
    }

    /** The lemma's synsets in sense order, or null if it is not an index word of the POS. */
    int[] senses(int pos, String key) {
        return senses.get(pos).get(key);
    }

    /** The base forms the POS's exception list gives the key, or null if it has no entry. */
    String[] exceptions(int pos, String key) {
        return key.isEmpty() ? null : exceptions.get(pos).get(key);
    }

    /** Whether some index word of the POS starts with the prefix (a key or a key's prefix). */
    boolean hasLemmaStartingWith(int pos, String prefix) {
        String[] sorted = sortedLemmas.get(pos);
        int at = Arrays.binarySearch(sorted, prefix);
        if (at >= 0) {
            return true;
        }
        int insertion = -at - 1;
        return insertion < sorted.length && sorted[insertion].startsWith(prefix);
    }

    /** The synset's lemmas, in WordNet's order, as extjwnl gives them (spaces, original case). */
    String[] lemmasOf(int synset) {
        return synsetLemmas[synset];
    }

    int lemmaCount(int pos) {
        return sortedLemmas.get(pos).length;
    }
}

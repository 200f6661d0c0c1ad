package io.streamprep.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.StreamSupport;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Benchmark texts made of real English: WordNet 3.1 glosses (definitions and usage examples),
 * joined into documents of 1 to {@code maxGlosses} glosses each. The same arguments always give the
 * same documents.
 */
final class GlossCorpus {

    private GlossCorpus() {}

    /**
     * @param count how many documents
     * @param maxGlosses glosses per document are drawn uniformly from 1..maxGlosses
     * @param seed seeds the document lengths
     */
    static List<String> load(int count, int maxGlosses, long seed) throws JWNLException {
        Dictionary dictionary = Dictionary.getDefaultResourceInstance();
        try {
            Iterator<String> glosses = glosses(dictionary);
            SplittableRandom random = new SplittableRandom(seed);
            List<String> documents = new ArrayList<>(count);
            while (documents.size() < count) {
                int n = 1 + random.nextInt(maxGlosses);
                StringBuilder document = new StringBuilder();
                for (int i = 0; i < n && glosses.hasNext(); i++) {
                    document.append(i == 0 ? "" : " ").append(capitalized(glosses.next()));
                }
                if (document.length() == 0) {
                    throw new IllegalStateException(
                            "WordNet has too few glosses for " + count + " documents");
                }
                documents.add(document.toString());
            }
            return List.copyOf(documents);
        } finally {
            dictionary.close();
        }
    }

    private static Iterator<String> glosses(Dictionary dictionary) throws JWNLException {
        List<Iterator<Synset>> parts = new ArrayList<>();
        for (POS pos : POS.getAllPOS()) {
            parts.add(dictionary.getSynsetIterator(pos));
        }
        return parts.stream()
                .flatMap(
                        it ->
                                StreamSupport.stream(
                                        Spliterators.spliteratorUnknownSize(it, 0), false))
                .map(Synset::getGloss)
                .iterator();
    }

    private static String capitalized(String gloss) {
        String trimmed = gloss.strip();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        String sentence = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}

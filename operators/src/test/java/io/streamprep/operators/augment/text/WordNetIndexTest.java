package io.streamprep.operators.augment.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-memory WordNet against extjwnl itself: for every index word, every exception-list entry,
 * every word of WordNet's own definitions and examples, and inflected, hyphenated and accented
 * forms built from them, the base form per part of speech and the synonym list (contents and order)
 * must be extjwnl's.
 */
class WordNetIndexTest {

    private static Dictionary dictionary;
    private static WordNetIndex index;
    private static WordNetMorphology morphology;
    private static ExtjwnlSynonyms reference;

    @BeforeAll
    static void load() throws JWNLException {
        dictionary = Dictionary.getDefaultResourceInstance();
        index = WordNetIndex.build(dictionary);
        morphology = new WordNetMorphology(index);
        reference = new ExtjwnlSynonyms(Dictionary.getDefaultResourceInstance());
    }

    @Test
    void everyIndexWordIsFoundWithItsSensesInOrder() throws JWNLException {
        int checked = 0;
        for (int p = 0; p < WordNetIndex.POS_ORDER.size(); p++) {
            POS pos = WordNetIndex.POS_ORDER.get(p);
            Iterator<IndexWord> words = dictionary.getIndexWordIterator(pos);
            while (words.hasNext()) {
                IndexWord word = words.next();
                String key = WordNetIndex.key(word.getLemma());
                assertThat(morphology.lemmaOf(p, word.getLemma())).isEqualTo(key);
                int[] senses = index.senses(p, key);
                assertThat(senses).hasSize(word.getSenses().size());
                for (int i = 0; i < senses.length; i++) {
                    Synset synset = word.getSenses().get(i);
                    assertThat(index.lemmasOf(senses[i]))
                            .containsExactlyElementsOf(
                                    synset.getWords().stream().map(w -> w.getLemma()).toList());
                }
                checked++;
            }
            assertThat(index.lemmaCount(p)).isEqualTo(checked - countBefore(p));
        }
        assertThat(checked).isEqualTo(155_467);
    }

    private static int countBefore(int p) {
        int n = 0;
        for (int q = 0; q < p; q++) {
            n += index.lemmaCount(q);
        }
        return n;
    }

    @Test
    void exceptionEntriesResolveAsInExtjwnl() throws JWNLException {
        int checked = 0;
        for (int p = 0; p < WordNetIndex.POS_ORDER.size(); p++) {
            POS pos = WordNetIndex.POS_ORDER.get(p);
            Iterator<Exc> excs = dictionary.getExceptionIterator(pos);
            while (excs.hasNext()) {
                String derivation = excs.next().getLemma();
                assertLemmaAsExtjwnl(derivation);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(5_952);
    }

    @Test
    void wordsOfWordNetsDefinitionsAndTheirVariantsGetExtjwnlsSynonyms() throws JWNLException {
        Set<String> words = new LinkedHashSet<>();
        for (POS pos : WordNetIndex.POS_ORDER) {
            Iterator<Synset> synsets = dictionary.getSynsetIterator(pos);
            while (synsets.hasNext()) {
                for (String raw : synsets.next().getGloss().split("\\s+")) {
                    Token token = Token.parse(raw);
                    if (token.isWord()) {
                        words.add(token.lower());
                    }
                }
            }
        }
        assertThat(words.size()).isGreaterThan(40_000);
        List<String> variants = new ArrayList<>();
        int i = 0;
        for (String word : words) {
            if (i++ % 7 != 0) {
                continue;
            }
            for (String suffix : List.of("s", "es", "ed", "ing", "er", "est", "ies", "men")) {
                variants.add(word + suffix);
            }
            variants.add(word.replace('e', 'é'));
            variants.add(word + "-" + word + "s");
            variants.add("the " + word);
        }
        words.addAll(variants);
        Map<String, List<String>> differences = new LinkedHashMap<>();
        WordNetSynonyms synonyms = WordNetSynonyms.shared();
        int looked = 0;
        for (String word : words) {
            if (!WordNetSynonyms.lookupWorthy(word)) {
                continue;
            }
            looked++;
            List<String> expected = reference.of(word);
            List<String> actual = synonyms.of(word);
            if (!actual.equals(expected)) {
                differences.put(word, List.of(String.valueOf(actual), String.valueOf(expected)));
            }
        }
        assertThat(looked).isGreaterThan(80_000);
        assertThat(differences).isEmpty();
    }

    @Test
    void multiPartWordsResolveAsInExtjwnl() throws JWNLException {
        for (String word :
                List.of(
                        "mothers-in-law",
                        "mother in law",
                        "attorneys general",
                        "naïve",
                        "übermäßig",
                        "rock'n'roll",
                        "o'clock",
                        "u.s.",
                        "ad-hoc",
                        "hand-me-downs",
                        "ice creams",
                        "ice-creams",
                        "runner's-up",
                        "x",
                        "s",
                        "es",
                        "ing")) {
            assertLemmaAsExtjwnl(word);
        }
    }

    @Test
    void anEntryIsAnIndexWordOnlyOfItsPartOfSpeech() {
        int noun = WordNetIndex.POS_ORDER.indexOf(POS.NOUN);
        int adverb = WordNetIndex.POS_ORDER.indexOf(POS.ADVERB);
        assertThat(index.isLemma(noun, "dog")).isTrue();
        assertThat(index.isLemma(adverb, "dog")).isFalse();
        assertThat(index.hasLemmaStartingWith(noun, "domestic d")).isTrue();
        assertThat(index.hasLemmaStartingWith(noun, "domestic dogz")).isFalse();
        assertThat(morphology.lemmaOf(noun, "Dogs")).isEqualTo("dog");
        assertThat(WordNetMorphology.letterRuns("naïve o'clock"))
                .containsExactly("na", "ve", "o'clock");
    }

    private static void assertLemmaAsExtjwnl(String word) throws JWNLException {
        String query = word.toLowerCase(Locale.ROOT);
        for (int p = 0; p < WordNetIndex.POS_ORDER.size(); p++) {
            String expected = reference.lemmaOf(WordNetIndex.POS_ORDER.get(p), query);
            assertThat(morphology.lemmaOf(p, query))
                    .as("%s of '%s'", WordNetIndex.POS_ORDER.get(p), word)
                    .isEqualTo(expected == null ? null : WordNetIndex.key(expected));
        }
    }
}

package io.streamprep.operators.augment.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * The reference for {@link WordNetSynonyms}: the same lookup through extjwnl's own dictionary and
 * morphological processor, as streamprep did it before it held WordNet in a {@link WordNetIndex}.
 */
final class ExtjwnlSynonyms {

    private final Dictionary dictionary;

    ExtjwnlSynonyms(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** What {@link WordNetSynonyms#of} answers for a lower-case, lookup-worthy word. */
    List<String> of(String word) throws JWNLException {
        Set<String> synonyms = new LinkedHashSet<>();
        for (POS pos : List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB)) {
            IndexWord indexWord = dictionary.lookupIndexWord(pos, word);
            if (indexWord == null) {
                continue;
            }
            for (Synset sense : indexWord.getSenses()) {
                for (Word lemma : sense.getWords()) {
                    String candidate = lemma.getLemma().replace('_', ' ').toLowerCase(Locale.ROOT);
                    if (!candidate.equals(word) && WordNetSynonyms.isPlain(candidate)) {
                        synonyms.add(candidate);
                    }
                }
            }
        }
        return List.copyOf(synonyms);
    }

    /** The lemma extjwnl resolves the word to for the POS, or null. */
    String lemmaOf(POS pos, String word) throws JWNLException {
        IndexWord indexWord = dictionary.lookupIndexWord(pos, word);
        return indexWord == null ? null : indexWord.getLemma();
    }
}

package io.streamprep.operators.dedup.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShinglerTest {

    private final Shingler shingler = new Shingler(3);

    @Test
    void wordsAreLowerCasedRunsOfLettersAndDigits() {
        assertThat(Shingler.words("The GPL-2+ license, (c) 2024 Ünïcode!"))
                .containsExactly("the", "gpl", "2", "license", "c", "2024", "ünïcode");
    }

    @Test
    void shinglesAreOverlappingWordNGrams() {
        assertThat(shingler.shingles("a b c d e")).containsExactly("a b c", "b c d", "c d e");
        assertThat(shingler.shingleHashes("a b c d e")).hasSize(3);
    }

    @Test
    void aTextShorterThanNHasOneShingleOfAllItsWords() {
        assertThat(shingler.shingles("Hello, world")).containsExactly("hello world");
        assertThat(shingler.shingleHashes("Hello, world")).hasSize(1);
    }

    @Test
    void aTextWithoutWordsIsItsOwnShingle() {
        assertThat(shingler.shingles("?!")).containsExactly("?!");
        assertThat(shingler.shingleHashes("?!")).hasSize(1);
        assertThat(shingler.shingleHashes("?!")).isNotEqualTo(shingler.shingleHashes("!?"));
    }

    @Test
    void caseAndPunctuationDoNotChangeTheHashes() {
        assertThat(shingler.shingleHashes("One two, THREE four."))
                .isEqualTo(shingler.shingleHashes("one two three four"));
    }

    @Test
    void wordOrderAndBoundariesMatter() {
        assertThat(shingler.shingleHashes("a b c")).isNotEqualTo(shingler.shingleHashes("c b a"));
        assertThat(shingler.shingleHashes("ab c d")).isNotEqualTo(shingler.shingleHashes("a bc d"));
    }

    @Test
    void wordHashesAreTheHashesOfTheWords() {
        // Signatures in savepoints were computed from the words themselves: the hashes must not
        // change. Mixed scripts, letters whose lower case depends on the locale or on their
        // neighbours (İ, final Σ), surrogate pairs, digits and punctuation.
        String alphabet = "aZ9 -,.İIıΣσςÉé\u00DF\uD835\uDC00ǅ\t\n'_ΑΒ";
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            long[] expected = Shingler.words(s).stream().mapToLong(Hashing::hashChars).toArray();
            assertThat(Shingler.wordHashes(s)).as("'%s'", s).containsExactly(expected);
        }
        assertThat(Shingler.wordHashes("ΣΑΣ İstanbul")).hasSize(2);
    }

    @Test
    void sizeMustBePositive() {
        assertThatThrownBy(() -> new Shingler(0)).hasMessageContaining("shingle-size");
    }
}

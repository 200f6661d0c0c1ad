package io.streamprep.operators.augment.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.operators.common.StableHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EDA on real WordNet synonyms and real English definitions. */
class EdaAugmenterTest {

    private static final String FOX =
            "The Quick brown FOX jumps over the lazy dog, and the dog sleeps.";
    private static List<String> glosses;

    @BeforeAll
    static void load() throws Exception {
        glosses = Glosses.texts(400);
        assertThat(glosses).hasSizeGreaterThan(300);
    }

    @Test
    void neverReturnsEmptyTextEvenWhenDeletingEverything() {
        EdaAugmenter all = augmenter(all(1.0, 1.0));
        EdaAugmenter deleteAll = augmenter(List.of(step(EdaOperation.RANDOM_DELETE, 1.0)));
        for (int i = 0; i < glosses.size(); i++) {
            String text = glosses.get(i);
            for (EdaAugmenter augmenter : List.of(all, deleteAll)) {
                String out = augmenter.augment(text, random(1, "g" + i, 1)).text();
                assertThat(out).as(text).isNotBlank();
            }
        }
        assertThat(deleteAll.augment("word", random(1, "x", 1)).text()).isEqualTo("word");
    }

    @Test
    void sameSeedGivesTheSameVariantAndAnotherSeedADifferentOne() {
        EdaAugmenter augmenter = augmenter(all(0.2, 0.5));
        int different = 0;
        for (int i = 0; i < glosses.size(); i++) {
            String text = glosses.get(i);
            EdaAugmenter.Variant a = augmenter.augment(text, random(42, "g" + i, 1));
            EdaAugmenter.Variant b = augmenter.augment(text, random(42, "g" + i, 1));
            EdaAugmenter.Variant c = augmenter.augment(text, random(43, "g" + i, 1));
            assertThat(b.text()).isEqualTo(a.text());
            assertThat(b.operationsJson()).isEqualTo(a.operationsJson());
            if (!c.text().equals(a.text())) {
                different++;
            }
        }
        // Very short texts with few synonyms can coincide; nearly all must differ.
        assertThat(different).isGreaterThan(glosses.size() * 9 / 10);
        assertThat(augmenter.augment(FOX, random(43, "fox", 1)).text())
                .isNotEqualTo(augmenter.augment(FOX, random(42, "fox", 1)).text());
    }

    @Test
    void synonymReplacementLeavesStopWordsAndPunctuationAndKeepsCase() {
        EdaAugmenter augmenter = augmenter(List.of(step(EdaOperation.SYNONYM_REPLACE, 1.0)));
        int replacedWords = 0;
        for (int seed = 0; seed < 50; seed++) {
            EdaAugmenter.Variant v = augmenter.augment(FOX, random(seed, "fox", 1));
            String[] before = FOX.split(" ");
            String[] after = v.text().split(" ");
            // Multi-word synonyms add spaces; compare only when the token count is unchanged.
            if (after.length != before.length) {
                continue;
            }
            for (int i = 0; i < before.length; i++) {
                Token b = Token.parse(before[i]);
                Token a = Token.parse(after[i]);
                assertThat(a.prefix() + "|" + a.suffix()).isEqualTo(b.prefix() + "|" + b.suffix());
                if (StopWords.contains(b.core())) {
                    assertThat(a.core()).isEqualTo(b.core());
                } else if (!a.core().equals(b.core())) {
                    replacedWords++;
                    assertThat(WordNetSynonyms.shared().of(b.core()))
                            .contains(a.core().toLowerCase());
                    assertThat(a.core()).isEqualTo(Token.inCaseOf(b.core(), a.core()));
                }
            }
        }
        assertThat(replacedWords).isGreaterThan(50);
        assertThat(augmenter.augment("QUICK Quick quick", random(5, "q", 1)).text())
                .matches("[^a-z]+ [A-Z][^A-Z]* [^A-Z]+");
    }

    @Test
    void synonymReplacementRecordsEveryReplacedPairAndReplacesAllOccurrences() {
        EdaAugmenter augmenter = augmenter(List.of(step(EdaOperation.SYNONYM_REPLACE, 0.1)));
        EdaAugmenter.Variant v = augmenter.augment(FOX, random(7, "fox", 1));
        JsonNode op = v.operations().get(0);
        assertThat(op.get("op").asText()).isEqualTo("synonym_replace");
        assertThat(op.get("n").asInt()).isEqualTo(op.get("replaced").size()).isEqualTo(1);
        String word = op.get("replaced").get(0).get(0).asText();
        String synonym = op.get("replaced").get(0).get(1).asText();
        assertThat(WordNetSynonyms.shared().of(word)).contains(synonym);
        assertThat(v.text().toLowerCase()).contains(synonym);
        assertThat(Arrays.asList(v.text().toLowerCase().split("[ ,.]+"))).doesNotContain(word);
    }

    @Test
    void numberOfChangesFollowsAlpha() {
        String text = glosses.stream().filter(t -> t.split(" ").length >= 20).findFirst().get();
        int words = text.split(" ").length;
        for (EdaOperation op :
                List.of(
                        EdaOperation.SYNONYM_REPLACE,
                        EdaOperation.RANDOM_INSERT,
                        EdaOperation.RANDOM_SWAP,
                        EdaOperation.RANDOM_DELETE)) {
            double low = meanChanges(op, 0.1, text);
            double high = meanChanges(op, 0.3, text);
            assertThat(high).as(op.code()).isGreaterThan(low * 1.8);
            if (op == EdaOperation.RANDOM_SWAP) {
                assertThat(low).isEqualTo(Math.max(1, Math.round(0.1 * words)));
            }
            if (op == EdaOperation.RANDOM_DELETE) {
                assertThat(high / words).isBetween(0.2, 0.4);
            }
        }
        assertThat(meanChanges(EdaOperation.RANDOM_SWAP, 0.0, text)).isZero();
    }

    @Test
    void randomInsertionAddsSynonymsOfWordsInTheText() {
        EdaAugmenter augmenter = augmenter(List.of(step(EdaOperation.RANDOM_INSERT, 0.2)));
        EdaAugmenter.Variant v = augmenter.augment(FOX, random(3, "fox", 1));
        JsonNode inserted = v.operations().get(0).get("inserted");
        assertThat(inserted.size()).isEqualTo(3); // round(0.2 * 13)
        List<String> sourceWords = new ArrayList<>();
        for (String t : FOX.split(" ")) {
            Token token = Token.parse(t);
            if (!StopWords.contains(token.core())) {
                sourceWords.add(token.lower());
            }
        }
        for (JsonNode insert : inserted) {
            String synonym = insert.get(0).asText();
            assertThat(sourceWords)
                    .anySatisfy(w -> assertThat(WordNetSynonyms.shared().of(w)).contains(synonym));
        }
        assertThat(v.text().split(" ").length).isGreaterThanOrEqualTo(FOX.split(" ").length + 3);
    }

    @Test
    void randomSwapKeepsTheWords() {
        EdaAugmenter augmenter = augmenter(List.of(step(EdaOperation.RANDOM_SWAP, 0.3)));
        for (int i = 0; i < 100; i++) {
            String text = glosses.get(i);
            String out = augmenter.augment(text, random(9, "g" + i, 1)).text();
            assertThat(sortedWords(out)).isEqualTo(sortedWords(text));
        }
    }

    @Test
    void variantsDrawOneOperationWhenNoneIsDrawnByProbability() {
        EdaAugmenter augmenter = augmenter(all(0.1, 0.0));
        for (int v = 1; v <= 20; v++) {
            assertThat(augmenter.augment(FOX, random(1, "fox", v)).operations()).hasSize(1);
        }
        EdaAugmenter always = augmenter(all(0.1, 1.0));
        assertThat(always.augment(FOX, random(1, "fox", 1)).operations())
                .extracting(n -> n.get("op").asText())
                .containsExactly(
                        "synonym_replace", "random_insert", "random_swap", "random_delete");
    }

    private static double meanChanges(EdaOperation op, double alpha, String text) {
        EdaAugmenter augmenter = augmenter(List.of(step(op, alpha)));
        double total = 0;
        int runs = 200;
        for (int v = 1; v <= runs; v++) {
            total +=
                    augmenter
                            .augment(text, random(11, "t", v))
                            .operations()
                            .get(0)
                            .get("n")
                            .asInt();
        }
        return total / runs;
    }

    private static List<String> sortedWords(String text) {
        List<String> words = new ArrayList<>();
        for (String t : text.split(" ")) {
            words.add(Token.parse(t).core());
        }
        words.sort(null);
        return words;
    }

    private static EdaAugmenter augmenter(List<EdaStep> steps) {
        return new EdaAugmenter(steps, WordNetSynonyms.shared()::of);
    }

    private static List<EdaStep> all(double alpha, double probability) {
        List<EdaStep> steps = new ArrayList<>();
        for (EdaOperation op : EdaOperation.values()) {
            steps.add(new EdaStep(op, alpha, probability));
        }
        return steps;
    }

    private static EdaStep step(EdaOperation op, double alpha) {
        return new EdaStep(op, alpha, 1.0);
    }

    private static SplittableRandom random(long seed, String id, int variant) {
        return StableHash.random(seed, id, variant);
    }
}

package io.streamprep.operators.augment.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** The four EDA operations on a token list; each records what it did in a JSON object. */
final class EdaOperations {

    private static final int INSERT_TRIES = 10;

    private final Function<String, List<String>> synonyms;

    EdaOperations(Function<String, List<String>> synonyms) {
        this.synonyms = synonyms;
    }

    List<Token> apply(EdaStep step, List<Token> tokens, SplittableRandom random, ObjectNode rec) {
        return switch (step.operation()) {
            case SYNONYM_REPLACE -> replace(tokens, step.changes(tokens.size()), random, rec);
            case RANDOM_INSERT -> insert(tokens, step.changes(tokens.size()), random, rec);
            case RANDOM_SWAP -> swap(tokens, step.changes(tokens.size()), random, rec);
            case RANDOM_DELETE -> delete(tokens, step.alpha(), random, rec);
        };
    }

    /** Replaces every occurrence of up to {@code n} distinct non-stop words by a synonym. */
    private List<Token> replace(
            List<Token> tokens, int n, SplittableRandom random, ObjectNode rec) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (Token token : tokens) {
            if (replaceable(token)) {
                distinct.add(token.lower());
            }
        }
        List<String> candidates = new ArrayList<>(distinct);
        shuffle(candidates, random);
        List<Token> out = new ArrayList<>(tokens);
        ArrayNode replaced = rec.arrayNode();
        for (String word : candidates) {
            if (replaced.size() >= n) {
                break;
            }
            List<String> options = synonyms.apply(word);
            String synonym = options.get(random.nextInt(options.size()));
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).isWord() && out.get(i).lower().equals(word)) {
                    out.set(i, out.get(i).replacedBy(synonym));
                }
            }
            replaced.addArray().add(word).add(synonym);
        }
        rec.put("n", replaced.size());
        rec.set("replaced", replaced);
        return out;
    }

    /** Inserts, {@code n} times, a synonym of a random non-stop word at a random position. */
    private List<Token> insert(List<Token> tokens, int n, SplittableRandom random, ObjectNode rec) {
        List<Token> out = new ArrayList<>(tokens);
        ArrayNode inserted = rec.arrayNode();
        for (int i = 0; i < n; i++) {
            for (int attempt = 0; attempt < INSERT_TRIES; attempt++) {
                Token source = out.get(random.nextInt(out.size()));
                if (replaceable(source)) {
                    List<String> options = synonyms.apply(source.lower());
                    String synonym = options.get(random.nextInt(options.size()));
                    int at = random.nextInt(out.size() + 1);
                    out.add(at, new Token("", synonym, ""));
                    inserted.addArray().add(synonym).add(at);
                    break;
                }
            }
        }
        rec.put("n", inserted.size());
        rec.set("inserted", inserted);
        return out;
    }

    /** Swaps the words (not their punctuation) of two random positions, {@code n} times. */
    private List<Token> swap(List<Token> tokens, int n, SplittableRandom random, ObjectNode rec) {
        List<Token> out = new ArrayList<>(tokens);
        ArrayNode swaps = rec.arrayNode();
        if (out.size() >= 2) {
            for (int i = 0; i < n; i++) {
                int a = random.nextInt(out.size());
                int b = random.nextInt(out.size() - 1);
                if (b >= a) {
                    b++;
                }
                Token ta = out.get(a);
                Token tb = out.get(b);
                out.set(a, ta.withCore(tb.core()));
                out.set(b, tb.withCore(ta.core()));
                swaps.addArray().add(a).add(b);
            }
        }
        rec.put("n", swaps.size());
        rec.set("swapped", swaps);
        return out;
    }

    /**
     * Deletes each token with probability {@code p} (at least one for {@code p > 0}), keeping one
     * random token if none is left.
     */
    private List<Token> delete(
            List<Token> tokens, double p, SplittableRandom random, ObjectNode rec) {
        ArrayNode deleted = rec.arrayNode();
        if (tokens.size() <= 1) {
            rec.put("n", 0);
            rec.set("deleted", deleted);
            return tokens;
        }
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (random.nextDouble() < p) {
                deleted.add(i);
            } else {
                out.add(tokens.get(i));
            }
        }
        if (deleted.isEmpty() && p > 0) {
            // Like the other operations, change at least one word when alpha is not zero.
            int drop = random.nextInt(tokens.size());
            out.remove(drop);
            deleted.add(drop);
        }
        if (out.isEmpty()) {
            int keep = random.nextInt(tokens.size());
            out.add(tokens.get(keep));
            deleted.removeAll();
            for (int i = 0; i < tokens.size(); i++) {
                if (i != keep) {
                    deleted.add(i);
                }
            }
        }
        rec.put("n", deleted.size());
        rec.set("deleted", deleted);
        return out;
    }

    private boolean replaceable(Token token) {
        return token.isWord()
                && !StopWords.contains(token.core())
                && !synonyms.apply(token.lower()).isEmpty();
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}

package io.streamprep.operators.augment.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Easy Data Augmentation (Wei & Zou 2019) of one text: synonym replacement, random insertion of a
 * synonym, random swap and random deletion, on whitespace-separated tokens whose punctuation stays
 * in place.
 *
 * <p>Every random choice comes from the given generator, so the same generator seed gives the same
 * variant. Which operations a variant applies: each step of the policy with its probability, in the
 * policy's order; if none was drawn, one step chosen uniformly. The result is never empty for a
 * non-blank text (deletion always keeps a word). Synonym replacement and insertion never touch
 * {@link StopWords}; a replaced word keeps its case (UPPER, Capitalized, lower). The label is not
 * this class's business: the caller keeps it.
 */
public final class EdaAugmenter {

    private final List<EdaStep> steps;
    private final EdaOperations operations;

    /**
     * @param steps the operations in the order they are applied; not empty
     * @param synonyms synonyms of a lower-case word, deterministic and in a stable order
     */
    public EdaAugmenter(List<EdaStep> steps, Function<String, List<String>> synonyms) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("EDA needs at least one operation");
        }
        this.steps = List.copyOf(steps);
        this.operations = new EdaOperations(Objects.requireNonNull(synonyms, "synonyms"));
    }

    /** The augmented text and the operations applied, with their parameters. */
    public record Variant(String text, ArrayNode operations) {
        public String operationsJson() {
            return operations.toString();
        }
    }

    /** One variant of {@code text}, drawing every random choice from {@code random}. */
    public Variant augment(String text, SplittableRandom random) {
        List<Token> tokens = new ArrayList<>();
        for (String part : text.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                tokens.add(Token.parse(part));
            }
        }
        ArrayNode applied = JsonNodeFactory.instance.arrayNode();
        if (tokens.isEmpty()) {
            return new Variant(text, applied);
        }
        for (EdaStep step : chooseSteps(random)) {
            ObjectNode record = applied.addObject();
            record.put("op", step.operation().code());
            record.put("alpha", step.alpha());
            tokens = operations.apply(step, tokens, random, record);
        }
        StringBuilder out = new StringBuilder();
        for (Token token : tokens) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(token.text());
        }
        return new Variant(out.toString(), applied);
    }

    private List<EdaStep> chooseSteps(SplittableRandom random) {
        List<EdaStep> chosen = new ArrayList<>();
        for (EdaStep step : steps) {
            if (random.nextDouble() < step.probability()) {
                chosen.add(step);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(steps.get(random.nextInt(steps.size())));
        }
        return chosen;
    }
}

package io.streamprep.jobs.corpus;

/**
 * Splits a WordNet gloss into its definition and its quoted usage examples.
 *
 * <p>WordNet stores a gloss as the definition followed by zero or more examples, each introduced by
 * {@code ; "}. The definition is everything before the first {@code ; "}; quotes elsewhere (such as
 * {@code as in "carrot and stick"}, or an example WordNet introduces with a colon) stay in the
 * definition, because they cannot be told apart from quoted words reliably.
 */
final class Glosses {

    private static final String EXAMPLES_START = "; \"";

    private Glosses() {}

    /** The definition part of a gloss, stripped of surrounding whitespace. */
    static String definition(String gloss) {
        int examples = gloss.indexOf(EXAMPLES_START);
        return (examples < 0 ? gloss : gloss.substring(0, examples)).strip();
    }

    /** The whole gloss (definition and examples), stripped of surrounding whitespace. */
    static String full(String gloss) {
        return gloss.strip();
    }
}

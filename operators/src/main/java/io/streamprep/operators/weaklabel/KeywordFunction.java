package io.streamprep.operators.weaklabel;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Votes {@code label} when the text contains one of the keywords or phrases as whole words
 * (case-insensitive, Unicode letters and digits delimit words); abstains otherwise.
 */
public final class KeywordFunction implements LabelingFunction {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String label;
    private final Pattern pattern;

    /**
     * @throws IllegalArgumentException if there are no non-blank keywords
     */
    public KeywordFunction(String name, String label, List<String> keywords) {
        this.name = Objects.requireNonNull(name, "name");
        this.label = Objects.requireNonNull(label, "label");
        List<String> words =
                keywords.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("keyword function " + name + " has no keywords");
        }
        String alternatives =
                words.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        this.pattern =
                Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + alternatives + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String vote(String text) {
        return pattern.matcher(text).find() ? label : null;
    }
}

package io.streamprep.operators.weaklabel;

import java.util.Objects;
import java.util.regex.Pattern;

/** Votes {@code label} when the regular expression is found in the text; abstains otherwise. */
public final class RegexFunction implements LabelingFunction {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String label;
    private final Pattern pattern;

    /**
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public RegexFunction(String name, String label, String regex) {
        this.name = Objects.requireNonNull(name, "name");
        this.label = Objects.requireNonNull(label, "label");
        this.pattern = Pattern.compile(regex);
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

package io.streamprep.operators.normalize.pii;

import java.util.Arrays;

/** The result of {@link PiiRedactor#redact}: the redacted text and how many of each type it hid. */
public final class Redaction {

    private final String text;
    private final int[] counts;

    Redaction(String text, int[] counts) {
        this.text = text;
        this.counts = counts;
    }

    public String text() {
        return text;
    }

    /** How many matches of this type were replaced. */
    public int count(PiiType type) {
        return counts[type.ordinal()];
    }

    /** How many matches of all types were replaced. */
    public int total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public String toString() {
        return "Redaction{counts=" + Arrays.toString(counts) + "}";
    }
}

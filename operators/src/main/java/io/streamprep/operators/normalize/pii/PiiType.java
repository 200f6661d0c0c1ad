package io.streamprep.operators.normalize.pii;

/**
 * The kinds of personal data {@link PiiRedactor} replaces, each with its placeholder and the stable
 * code used for counters ({@code pii.<code>}).
 */
public enum PiiType {
    EMAIL("email", "<EMAIL>"),
    PHONE("phone", "<PHONE>"),
    IP("ip", "<IP>"),
    CREDIT_CARD("credit_card", "<CREDIT_CARD>");

    private final String code;
    private final String placeholder;

    PiiType(String code, String placeholder) {
        this.code = code;
        this.placeholder = placeholder;
    }

    /** The counter name; never rename one. */
    public String code() {
        return code;
    }

    /** The upper-case text that replaces a match. */
    public String placeholder() {
        return placeholder;
    }
}

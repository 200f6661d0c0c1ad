package io.streamprep.operators.augment.text.mt;

/** A machine-translation request that failed; {@link #reason()} is the counter-friendly cause. */
public class MtException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public MtException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MtException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * One of {@code circuit_open}, {@code http_<status>}, {@code error}, {@code io}, {@code closed}
     * (the operator closed while the text waited for its batch).
     */
    public String reason() {
        return reason;
    }
}

package io.streamprep.operators.tokenize;

/**
 * The tokenizer could not turn one text into token windows. It concerns that text only: the
 * tokenizer stays usable, and the record belongs in the dead-letter output.
 */
public class TokenizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenizationException(String message) {
        super(message);
    }

    public TokenizationException(String message, Throwable cause) {
        super(message, cause);
    }
}

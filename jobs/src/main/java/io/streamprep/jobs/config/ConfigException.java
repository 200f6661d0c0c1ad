package io.streamprep.jobs.config;

/**
 * A configuration problem found before the job starts; the message names the key and its origin.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

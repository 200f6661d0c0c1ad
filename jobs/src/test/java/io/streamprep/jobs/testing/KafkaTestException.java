package io.streamprep.jobs.testing;

/** A Kafka test cluster could not do what a test asked, or not within its timeout. */
public final class KafkaTestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KafkaTestException(String message, Throwable cause) {
        super(message, cause);
    }

    public KafkaTestException(String message) {
        super(message);
    }
}

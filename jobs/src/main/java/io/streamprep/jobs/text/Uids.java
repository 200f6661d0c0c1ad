package io.streamprep.jobs.text;

/** Builds operator uids from the configured prefix; a uid must never change once released. */
public final class Uids {

    private final String prefix;

    public Uids(String prefix) {
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("pipeline.uid-prefix must not be blank");
        }
        this.prefix = prefix;
    }

    public String of(String stage) {
        return prefix + "-" + stage;
    }
}

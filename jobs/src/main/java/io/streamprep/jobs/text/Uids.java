package io.streamprep.jobs.text;

/** Builds operator uids from the configured prefix; a uid must never change once released. */
final class Uids {

    private final String prefix;

    Uids(String prefix) {
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("pipeline.uid-prefix must not be blank");
        }
        this.prefix = prefix;
    }

    String of(String stage) {
        return prefix + "-" + stage;
    }
}

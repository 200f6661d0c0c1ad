package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/** Options that apply to the whole pipeline. */
public final class PipelineOptions {

    public static final ConfigOption<String> NAME =
            key("pipeline.name")
                    .stringType()
                    .defaultValue("streamprep-text")
                    .withDescription("Job name shown in the Flink UI and logs.");

    public static final ConfigOption<Long> SEED =
            key("pipeline.seed")
                    .longType()
                    .defaultValue(42L)
                    .withDescription(
                            "Seed for every random or hash-based choice (split assignment, "
                                    + "augmentation, sampling). Each choice is seeded from (seed, "
                                    + "record id, variant), so output does not depend on order or "
                                    + "parallelism.");

    public static final ConfigOption<String> UID_PREFIX =
            key("pipeline.uid-prefix")
                    .stringType()
                    .defaultValue("streamprep")
                    .withDescription(
                            "Prefix of every operator uid. Savepoints map state by uid: keep it "
                                    + "stable across upgrades.");

    public static final ConfigOption<Integer> PARALLELISM =
            key("pipeline.parallelism")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Parallelism of every operator.");

    /** Which pipeline {@code run} builds. */
    public enum Kind {
        TEXT,
        IMAGE
    }

    public static final ConfigOption<Kind> KIND =
            key("pipeline.kind")
                    .enumType(Kind.class)
                    .defaultValue(Kind.TEXT)
                    .withDescription(
                            "TEXT runs the text pipeline on text records; IMAGE runs the image "
                                    + "pipeline on image records (see the README's Images section).");

    private PipelineOptions() {}
}

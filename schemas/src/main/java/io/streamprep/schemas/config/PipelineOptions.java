package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

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

    public static final ConfigOption<MemorySize> CHECKPOINT_WRITE_RATE =
            key("pipeline.checkpoint-write-rate")
                    .memoryType()
                    .noDefaultValue()
                    .withDescription(
                            "Bytes per second that one process (a TaskManager, or the embedded"
                                    + " local cluster) may spend writing checkpoints and"
                                    + " savepoints, shared by all its subtasks, e.g. `32 mb`."
                                    + " Unset: no limit (Flink's behaviour). The heap backend"
                                    + " writes a full snapshot as fast as it can serialize; with"
                                    + " large dedup state on busy cores, records queue behind it"
                                    + " and latency jumps after each checkpoint. A limit spreads"
                                    + " that work out, but a checkpoint then takes at least its"
                                    + " size divided by the limit: keep that well under the"
                                    + " checkpoint interval. Not combinable with another"
                                    + " `flink.execution.checkpointing.storage` or with file"
                                    + " merging.");

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

package io.streamprep.jobs.runtime.checkpoint;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.runtime.state.CheckpointStorage;
import org.apache.flink.runtime.state.CheckpointStorageFactory;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage;

/**
 * Checkpoint storage whose snapshot writes are paced to {@link #WRITE_RATE} bytes per second per
 * process (a TaskManager, or the embedded local cluster), shared by all its subtasks.
 *
 * <p><b>Why.</b> The heap state backend writes a full snapshot of the state at every checkpoint, as
 * fast as its thread can serialize. With large state (the dedup windows) that is up to a core for a
 * second or more; when the pipeline keeps the cores busy, records queue behind it and the
 * end-to-end latency jumps after every checkpoint. Pacing spreads the same work over a longer
 * snapshot. The cost: a checkpoint takes at least its size divided by the rate (per process), so
 * exactly-once sinks commit that much later; keep it well under the checkpoint interval.
 *
 * <p><b>Guarantees.</b> The checkpoint bytes, their location and the restore path are those of
 * Flink's own storage ({@link FileSystemCheckpointStorage} with {@code
 * execution.checkpointing.dir}, else {@link JobManagerCheckpointStorage}): a job restores the same
 * state with or without the pace, and may switch between them across a savepoint. Savepoints are
 * paced too. An aborted checkpoint's paced writer is interrupted like any other.
 *
 * <p>Selected with {@code execution.checkpointing.storage} set to this class's name, which {@link
 * #install} does from {@code pipeline.checkpoint-write-rate}.
 */
public final class ThrottledCheckpointStorageFactory
        implements CheckpointStorageFactory<ThrottledCheckpointStorage> {

    public static final ConfigOption<MemorySize> WRITE_RATE =
            ConfigOptions.key("streamprep.checkpoint-write-rate")
                    .memoryType()
                    .noDefaultValue()
                    .withDescription(
                            "Bytes per second that all checkpoint writes of one process may"
                                    + " take together (read by this storage factory).");

    @Override
    public ThrottledCheckpointStorage createFromConfig(ReadableConfig config, ClassLoader loader) {
        MemorySize rate =
                config.getOptional(WRITE_RATE)
                        .orElseThrow(
                                () ->
                                        new IllegalConfigurationException(
                                                WRITE_RATE.key()
                                                        + " must be set when "
                                                        + CheckpointingOptions.CHECKPOINT_STORAGE
                                                                .key()
                                                        + " is "
                                                        + ThrottledCheckpointStorageFactory.class
                                                                .getName()));
        CheckpointStorage delegate =
                config.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isPresent()
                        ? FileSystemCheckpointStorage.createFromConfig(config, loader)
                        : JobManagerCheckpointStorage.createFromConfig(config, loader);
        return new ThrottledCheckpointStorage(delegate, positive(rate).getBytes());
    }

    /**
     * Selects this storage in {@code flink} at {@code rate}.
     *
     * @throws IllegalArgumentException if the rate is zero, or if {@code flink} already chooses
     *     another checkpoint storage or file merging, which a pace cannot be combined with; the
     *     message names the keys
     */
    public static void install(Configuration flink, MemorySize rate, String rateKey) {
        if (rate.getBytes() <= 0) {
            throw new IllegalArgumentException(rateKey + " must be more than 0 bytes a second");
        }
        String storage = flink.get(CheckpointingOptions.CHECKPOINT_STORAGE);
        String self = ThrottledCheckpointStorageFactory.class.getName();
        if (storage != null && !storage.equals(self)) {
            throw new IllegalArgumentException(
                    rateKey
                            + " paces Flink's default checkpoint storage and cannot be combined"
                            + " with flink."
                            + CheckpointingOptions.CHECKPOINT_STORAGE.key()
                            + ": "
                            + storage
                            + "; remove one of them (flink."
                            + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()
                            + " still selects where checkpoints go)");
        }
        if (flink.get(CheckpointingOptions.FILE_MERGING_ENABLED)) {
            throw new IllegalArgumentException(
                    rateKey
                            + " cannot be combined with flink."
                            + CheckpointingOptions.FILE_MERGING_ENABLED.key()
                            + ": true; remove one of them");
        }
        flink.set(CheckpointingOptions.CHECKPOINT_STORAGE, self);
        flink.set(WRITE_RATE, rate);
    }

    private static MemorySize positive(MemorySize rate) {
        if (rate.getBytes() <= 0) {
            throw new IllegalConfigurationException(
                    WRITE_RATE.key() + " must be more than 0 bytes a second");
        }
        return rate;
    }
}

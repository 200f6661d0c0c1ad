package io.streamprep.jobs.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.CheckpointStorage;
import org.apache.flink.runtime.state.CheckpointStorageLoader;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThrottledCheckpointStorageTest {

    /** A rate of this class alone: the limiter of a rate is shared by the whole JVM. */
    private static final MemorySize RATE = MemorySize.parse("977 mb");

    private static final int KEYS = 100;

    @TempDir Path dir;

    /** Keeps 4 kB of text per key and reports whether it found the key's text already there. */
    static final class Blobs extends KeyedProcessFunction<Integer, Integer, String> {
        private transient ValueState<String> blob;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            blob = getRuntimeContext().getState(new ValueStateDescriptor<>("blob", Types.STRING));
        }

        @Override
        public void processElement(Integer key, Context ctx, Collector<String> out)
                throws Exception {
            String expected = text(key);
            String found = blob.value();
            if (found == null) {
                blob.update(expected);
                out.collect("new " + key);
            } else {
                out.collect((found.equals(expected) ? "kept " : "changed ") + key);
            }
        }

        static String text(int key) {
            return String.valueOf((char) ('a' + key % 26)).repeat(4096) + key;
        }
    }

    @Test
    void heapSnapshotsAreWrittenThroughThePaceAndRestore() throws Exception {
        CheckpointStorage storage =
                new ThrottledCheckpointStorageFactory().createFromConfig(config(true), loader());
        WriteRateLimiter limiter = WriteRateLimiter.shared(RATE.getBytes());
        long before = limiter.bytesCharged();

        OperatorSubtaskState snapshot;
        try (var harness = harness(storage)) {
            harness.open();
            for (int key = 0; key < KEYS; key++) {
                harness.processElement(key, key);
            }
            snapshot = harness.snapshot(1, 1);
        }

        assertThat(snapshot.getStateSize()).isGreaterThan((long) KEYS * 4096);
        assertThat(limiter.bytesCharged() - before)
                .as("every snapshot byte went through the pace")
                .isEqualTo(snapshot.getStateSize());

        try (var restored = harness(storage)) {
            restored.initializeState(snapshot);
            restored.open();
            for (int key = 0; key < KEYS; key++) {
                restored.processElement(key, key);
            }
            List<String> out = restored.extractOutputValues();
            assertThat(out).hasSize(KEYS).allMatch(line -> line.startsWith("kept "));
        }
    }

    @Test
    void itStoresWhereFlinkWouldWithoutIt() {
        ThrottledCheckpointStorage files =
                new ThrottledCheckpointStorageFactory().createFromConfig(config(true), loader());
        ThrottledCheckpointStorage memory =
                new ThrottledCheckpointStorageFactory().createFromConfig(config(false), loader());

        assertThat(files.delegate()).isInstanceOf(FileSystemCheckpointStorage.class);
        assertThat(
                        Path.of(
                                ((FileSystemCheckpointStorage) files.delegate())
                                        .getCheckpointPath()
                                        .toUri()))
                .isEqualTo(dir);
        assertThat(memory.delegate()).isInstanceOf(JobManagerCheckpointStorage.class);
        assertThat(files.bytesPerSecond()).isEqualTo(RATE.getBytes());
    }

    @Test
    void flinkLoadsItFromTheJobConfiguration() throws Exception {
        Configuration job = new Configuration();
        job.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        ThrottledCheckpointStorageFactory.install(job, RATE, "pipeline.checkpoint-write-rate");

        CheckpointStorage loaded =
                CheckpointStorageLoader.load(
                        null, new HashMapStateBackend(), job, new Configuration(), loader(), null);

        assertThat(loaded).isInstanceOf(ThrottledCheckpointStorage.class);
        assertThat(((ThrottledCheckpointStorage) loaded).bytesPerSecond())
                .isEqualTo(RATE.getBytes());
    }

    @Test
    void theFactoryNeedsAPositiveRate() {
        Configuration none = new Configuration();
        assertThatThrownBy(
                        () ->
                                new ThrottledCheckpointStorageFactory()
                                        .createFromConfig(none, loader()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(ThrottledCheckpointStorageFactory.WRITE_RATE.key());

        Configuration zero = new Configuration();
        zero.set(ThrottledCheckpointStorageFactory.WRITE_RATE, MemorySize.ZERO);
        assertThatThrownBy(
                        () ->
                                new ThrottledCheckpointStorageFactory()
                                        .createFromConfig(zero, loader()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("more than 0");
    }

    @Test
    void installRefusesWhatItCannotPace() {
        String key = "pipeline.checkpoint-write-rate";
        Configuration rocks = new Configuration();
        rocks.set(CheckpointingOptions.CHECKPOINT_STORAGE, "jobmanager");
        assertThatThrownBy(() -> ThrottledCheckpointStorageFactory.install(rocks, RATE, key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("flink.execution.checkpointing.storage: jobmanager");

        Configuration merging = new Configuration();
        merging.set(CheckpointingOptions.FILE_MERGING_ENABLED, true);
        assertThatThrownBy(() -> ThrottledCheckpointStorageFactory.install(merging, RATE, key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file-merging");

        assertThatThrownBy(
                        () ->
                                ThrottledCheckpointStorageFactory.install(
                                        new Configuration(), MemorySize.ZERO, key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }

    private Configuration config(boolean directory) {
        Configuration config = new Configuration();
        if (directory) {
            config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        }
        config.set(ThrottledCheckpointStorageFactory.WRITE_RATE, RATE);
        return config;
    }

    private static KeyedOneInputStreamOperatorTestHarness<Integer, Integer, String> harness(
            CheckpointStorage storage) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new Blobs()), key -> key, Types.INT);
        harness.setStateBackend(new HashMapStateBackend());
        harness.setCheckpointStorage(storage);
        return harness;
    }

    private static ClassLoader loader() {
        return ThrottledCheckpointStorageTest.class.getClassLoader();
    }
}

package io.streamprep.jobs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.runtime.checkpoint.ThrottledCheckpointStorageFactory;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {

    @Test
    void productionDefaultsApply() {
        Configuration flink =
                Environments.flinkConfiguration(
                        new ConfigLoader().set("pipeline.parallelism=3").load());

        assertThat(flink.get(ExecutionOptions.RUNTIME_MODE))
                .isEqualTo(RuntimeExecutionMode.AUTOMATIC);
        assertThat(flink.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(flink.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY))
                .isEqualTo("exponential-delay");
        assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(flink.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(10));
        assertThat(flink.get(PipelineOptions.MAX_PARALLELISM)).isEqualTo(128);
        assertThat(flink.get(PipelineOptions.AUTO_GENERATE_UIDS)).isFalse();
        assertThat(flink.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
    }

    @Test
    void theFlinkSectionWins() {
        Configuration flink =
                Environments.flinkConfiguration(
                        new ConfigLoader()
                                .set("flink.state.backend.type=rocksdb")
                                .set("flink.execution.checkpointing.interval=1 min")
                                .set("flink.pipeline.max-parallelism=512")
                                .set("flink.execution.runtime-mode=STREAMING")
                                .load());

        assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(flink.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(flink.get(PipelineOptions.MAX_PARALLELISM)).isEqualTo(512);
        assertThat(flink.get(ExecutionOptions.RUNTIME_MODE))
                .isEqualTo(RuntimeExecutionMode.STREAMING);
    }

    @Test
    void aCheckpointWriteRateSelectsThePacedStorage() {
        Configuration flink =
                Environments.flinkConfiguration(
                        new ConfigLoader().set("pipeline.checkpoint-write-rate=32 mb").load());

        assertThat(flink.get(CheckpointingOptions.CHECKPOINT_STORAGE))
                .isEqualTo(ThrottledCheckpointStorageFactory.class.getName());
        assertThat(flink.get(ThrottledCheckpointStorageFactory.WRITE_RATE))
                .isEqualTo(MemorySize.ofMebiBytes(32));
        assertThat(Environments.flinkConfiguration(new ConfigLoader().load()).toMap())
                .doesNotContainKeys(
                        CheckpointingOptions.CHECKPOINT_STORAGE.key(),
                        ThrottledCheckpointStorageFactory.WRITE_RATE.key());
    }

    @Test
    void aCheckpointWriteRateWithAnotherStorageIsRefusedByName() {
        var config =
                new ConfigLoader()
                        .set("pipeline.checkpoint-write-rate=32 mb")
                        .set("flink.execution.checkpointing.storage=jobmanager")
                        .load();

        assertThatThrownBy(() -> Environments.flinkConfiguration(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pipeline.checkpoint-write-rate")
                .hasMessageContaining("flink.execution.checkpointing.storage");
    }
}

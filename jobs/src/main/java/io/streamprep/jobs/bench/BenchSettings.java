package io.streamprep.jobs.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run does.
 *
 * @param config the benchmark's pipeline config (YAML); its {@code source.kafka.*} and {@code
 *     sink.kafka.*} topics and servers are replaced by the benchmark's own
 * @param home the installation folder (for {@code deploy/local/kafka.sh})
 * @param sizeMb corpus size in MB of UTF-8 text
 * @param parallelism Flink parallelism, topic partitions and tokenizer-only threads
 * @param warmupRecords records of each unmeasured full-pipeline warm-up run (0: no warm-up)
 * @param warmupPasses at most this many warm-up runs; they stop early once the JIT has settled
 * @param latencyDuration how long the paced AT_LEAST_ONCE latency phase feeds records
 * @param latencyRate records/s of the latency and soak phases, or 0 for half of the latency
 *     pipeline's measured maximum rate
 * @param soak how long the paced soak phase runs (zero: no soak)
 * @param soakSampleEvery heap sampling period in the soak phase
 * @param output folder for {@code bench-results.json} and {@code bench-results.md}
 * @param bootstrapServers an existing broker to use, or {@code null} to start one
 * @param overrides {@code key=value} settings applied over the config file
 */
public record BenchSettings(
        Path config,
        Path home,
        int sizeMb,
        int parallelism,
        int warmupRecords,
        int warmupPasses,
        Duration latencyDuration,
        double latencyRate,
        Duration soak,
        Duration soakSampleEvery,
        Path output,
        String bootstrapServers,
        List<String> overrides) {

    public BenchSettings {
        if (sizeMb < 1) {
            throw new IllegalArgumentException("--size-mb must be at least 1");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1");
        }
        if (warmupRecords < 0) {
            throw new IllegalArgumentException("--warmup-records must not be negative");
        }
        if (warmupPasses < 1) {
            throw new IllegalArgumentException("--warmup-passes must be at least 1");
        }
        overrides = List.copyOf(overrides);
        if (!(latencyRate >= 0 && latencyRate < Double.MAX_VALUE)) {
            throw new IllegalArgumentException("--latency-rate must be a positive number");
        }
        if (latencyDuration.toMillis() < 1_000) {
            throw new IllegalArgumentException("--duration must be at least 1 s");
        }
    }
}

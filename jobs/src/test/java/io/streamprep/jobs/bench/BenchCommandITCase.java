package io.streamprep.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.cli.StreamprepCli;
import io.streamprep.jobs.testing.KafkaExtension;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.schemas.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamprep bench} at a tiny size on the embedded broker (the command's own broker start
 * through {@code deploy/local/kafka.sh} is what {@code bin/streamprep bench} uses by hand): every
 * phase runs and the results file has every figure with a sane value. No timing is asserted.
 */
class BenchCommandITCase {

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @TempDir Path dir;

    @BeforeEach
    void home() {
        System.setProperty("streamprep.home", SampleData.repoRoot().toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("streamprep.home");
    }

    @Test
    void tinyRunWritesEveryFigure() throws Exception {
        int code =
                StreamprepCli.execute(
                        "bench",
                        "--size-mb",
                        "1",
                        "--parallelism",
                        "2",
                        "--warmup-records",
                        "2000",
                        "--warmup-passes",
                        "2",
                        "--duration",
                        "4s",
                        "--soak",
                        "4s",
                        "--soak-sample",
                        "1s",
                        "--bootstrap-servers",
                        KAFKA.bootstrapServers(),
                        "--output",
                        dir.toString());
        assertThat(code).isZero();

        JsonNode r = Json.MAPPER.readTree(dir.resolve("bench-results.json").toFile());
        assertThat(r.get("complete").asBoolean()).isTrue();
        assertThat(r.at("/machine/cores").asInt()).isPositive();
        assertThat(r.get("load_average_before").asText()).matches("[0-9.]+ [0-9.]+ [0-9.]+");
        assertThat(r.get("load_average_after").asText()).matches("[0-9.]+ [0-9.]+ [0-9.]+");
        long records = r.at("/corpus/records").asLong();
        assertThat(records).isGreaterThan(5_000);
        assertThat(r.at("/corpus/text_bytes").asLong()).isGreaterThanOrEqualTo(1_000_000);
        assertThat(r.at("/corpus/sha256").asText()).matches("[0-9a-f]{64}");

        assertThat(r.at("/warm_up/records_per_pass").asInt()).isEqualTo(2000);
        JsonNode passes = r.at("/warm_up/passes");
        assertThat(passes.size()).isBetween(1, 2);
        for (JsonNode pass : passes) {
            assertThat(pass.get("cpu_seconds").asDouble()).isPositive();
            assertThat(pass.get("jit_share").asDouble()).isBetween(0.0, 1.0);
        }
        if (passes.size() == 1) {
            // Only a settled JIT ends the warm-up before its last pass.
            assertThat(passes.get(0).get("jit_share").asDouble()).isLessThan(0.08);
        }

        for (String phase : List.of("tokenizer_only", "passthrough", "full")) {
            assertThat(r.at("/" + phase + "/records_per_second").asDouble()).as(phase).isPositive();
            assertThat(r.at("/" + phase + "/mb_per_second").asDouble()).as(phase).isPositive();
            assertThat(r.at("/" + phase + "/seconds").asDouble()).as(phase).isPositive();
        }
        assertThat(r.at("/tokenizer_only/tokens").asLong()).isGreaterThan(records);
        // The floor runs before passthrough and again after full; its row is the pooled figure.
        JsonNode floorRuns = r.at("/tokenizer_only/runs");
        assertThat(floorRuns).hasSize(2);
        assertThat(floorRuns.get(0).get("after_full").asBoolean()).isFalse();
        assertThat(floorRuns.get(1).get("after_full").asBoolean()).isTrue();
        double meanSeconds =
                (floorRuns.get(0).get("seconds").asDouble()
                                + floorRuns.get(1).get("seconds").asDouble())
                        / 2;
        assertThat(r.at("/tokenizer_only/records_per_second").asDouble())
                .isCloseTo(records / meanSeconds, withinPercentage(1));
        assertThat(r.at("/ratios/full_vs_tokenizer_only").asDouble())
                .isCloseTo(
                        r.at("/full/records_per_second").asDouble()
                                / r.at("/tokenizer_only/records_per_second").asDouble(),
                        withinPercentage(1));
        assertThat(r.at("/passthrough/peak_heap_mb").asDouble()).isPositive();
        JsonNode full = r.get("full");
        assertThat(full.get("peak_heap_mb").asDouble()).isPositive();
        assertThat(full.get("records_in").asLong()).isEqualTo(records);
        // Every record comes out as at least one window, or is a duplicate, a dead letter or
        // sampled out by balancing (config/bench.yaml runs every stage).
        assertThat(full.get("sampled_out").asLong()).isPositive();
        assertThat(
                        full.get("records_out").asLong()
                                + full.get("duplicates").asLong()
                                + full.get("dead_letters").asLong()
                                + full.get("sampled_out").asLong())
                .isGreaterThanOrEqualTo(records);
        for (String phase : List.of("tokenizer_only", "passthrough", "full")) {
            assertThat(r.at("/" + phase + "/cpu_seconds").asDouble()).as(phase).isPositive();
            assertThat(r.at("/" + phase + "/records_per_cpu_second").asDouble())
                    .as(phase)
                    .isPositive();
            double jit = r.at("/" + phase + "/jit_cpu_seconds").asDouble();
            assertThat(jit).as(phase).isNotNegative();
            assertThat(jit)
                    .as(phase)
                    .isLessThanOrEqualTo(r.at("/" + phase + "/cpu_seconds").asDouble());
            assertThat(r.at("/" + phase + "/records_per_cpu_second_without_jit").asDouble())
                    .as(phase)
                    .isGreaterThanOrEqualTo(
                            r.at("/" + phase + "/records_per_cpu_second").asDouble());
        }
        // A phase in a fresh embedded cluster always compiles something.
        assertThat(r.at("/full/jit_cpu_seconds").asDouble()).isPositive();
        assertThat(r.at("/ratios/full_vs_tokenizer_only_per_cpu_second").asDouble()).isPositive();
        assertThat(full.get("tokens").asLong()).isGreaterThan(records);
        assertThat(r.at("/ratios/full_vs_tokenizer_only").asDouble()).isPositive();
        assertThat(r.at("/ratios/full_vs_passthrough").asDouble()).isPositive();

        for (String paced : List.of("latency", "soak")) {
            JsonNode l = r.get(paced);
            assertThat(l.get("guarantee").asText()).isEqualTo("AT_LEAST_ONCE");
            assertThat(l.get("target_rate").asDouble()).as(paced).isPositive();
            assertThat(l.get("achieved_rate").asDouble()).as(paced).isPositive();
            assertThat(l.get("measured_records").asLong()).as(paced).isPositive();
            long p50 = l.get("p50_ms").asLong();
            long p99 = l.get("p99_ms").asLong();
            assertThat(p50).as(paced).isPositive().isLessThanOrEqualTo(p99);
            assertThat(p99).as(paced).isLessThanOrEqualTo(l.get("max_ms").asLong());
            long perSecond = 0;
            long slowest = 0;
            for (JsonNode second : l.get("per_second")) {
                assertThat(second.get(2).asLong()).isLessThanOrEqualTo(second.get(1).asLong());
                perSecond += second.get(1).asLong();
                slowest = Math.max(slowest, second.get(3).asLong());
            }
            assertThat(perSecond).as(paced).isEqualTo(l.get("measured_records").asLong());
            assertThat(slowest).as(paced).isEqualTo(l.get("max_ms").asLong());
        }
        // Half load: half the maximum rate of the latency phase's own pipeline.
        assertThat(r.at("/latency/pipeline_max_rate").asDouble()).isPositive();
        assertThat(r.at("/latency/target_rate").asDouble())
                .isCloseTo(r.at("/latency/pipeline_max_rate").asDouble() / 2, within(1.0));
        assertThat(r.at("/latency/half_load").asBoolean()).isTrue();
        // CPU per second of the measured span: this JVM and the broker, at most every core.
        JsonNode cores = r.at("/latency/cpu_cores_per_second");
        assertThat(cores.size()).isBetween(1, 5);
        for (JsonNode c : cores) {
            assertThat(c.asDouble())
                    .isPositive()
                    .isLessThanOrEqualTo(r.at("/machine/cores").asInt() + 0.2);
        }
        assertThat(r.at("/latency/cpu_cores").asDouble()).isPositive();
        assertThat(r.at("/latency/load").asDouble()).isCloseTo(0.5, within(0.001));
        // The paced warm-up job: half the 4 s latency phase.
        assertThat(r.at("/latency/paced_warm_up_seconds").asDouble()).isEqualTo(2.0);
        assertThat(r.at("/soak/heap_after_gc_mb")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r.at("/soak/heap_after_gc_mb/0/1").asDouble()).isPositive();
        assertThat(r.at("/soak/heap_slope_mb_per_min").isNumber()).isTrue();
        assertThat(r.get("targets")).hasSize(6);

        String markdown = Files.readString(dir.resolve("bench-results.md"));
        assertThat(markdown)
                .contains(
                        "| phase | records/s | MB/s | seconds | CPU seconds | records/CPU-s |",
                        "tokenizer-only",
                        "passthrough",
                        "full")
                .contains("p99")
                .contains("Tokenizer-only ran on both sides of the measured pipelines")
                .contains("Latency phase, per second of sending: ")
                .contains("Warm-up before \"full\": " + passes.size() + " unmeasured run(s)")
                .contains(
                        "Warm-up before \"latency\": the same pipeline, paced at the same rate for 2 s")
                // Reported figures have no target: neither met nor missed.
                .contains("| full / passthrough | (reported) | ")
                .doesNotContainPattern("\\| \\(reported\\) \\| [^|]* \\| (yes|\\*\\*no\\*\\*) \\|");
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    void badSizeIsAUsageError() {
        assertThat(StreamprepCli.execute("bench", "--size-mb", "0")).isEqualTo(2);
        assertThat(StreamprepCli.execute("bench", "--duration", "soon")).isEqualTo(2);
        assertThat(StreamprepCli.execute("bench", "--warmup-passes", "0")).isEqualTo(2);
        assertThat(StreamprepCli.execute("bench", "--latency-rate", "0")).isEqualTo(2);
        assertThat(StreamprepCli.execute("bench", "--latency-rate", "fast")).isEqualTo(2);
    }
}

package io.streamprep.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the latency phase reports: per-second timeline, the target judged only at half load, the
 * consumer's id reading.
 */
class LatencyReportingTest {

    @Test
    void countsRecordsAndSlowRecordsPerSecondOfSending() {
        LatencyTimeline timeline = new LatencyTimeline(10_000, 3, 500);
        timeline.record(10_000, 280);
        timeline.record(10_999, 501);
        timeline.record(11_500, 500);
        timeline.record(12_100, 900);
        // Sent after the last second (the drain): counted in the last one.
        timeline.record(15_000, 300);

        assertThat(timeline.seconds())
                .containsExactly(
                        new long[] {0, 2, 1, 501},
                        new long[] {1, 1, 0, 500},
                        new long[] {2, 2, 1, 900});
    }

    @Test
    void secondsEndAtTheLastOneWithRecords() {
        LatencyTimeline timeline = new LatencyTimeline(0, 60, 500);
        assertThat(timeline.seconds()).isEmpty();
        timeline.record(1_200, 10);
        assertThat(timeline.seconds())
                .containsExactly(new long[] {0, 0, 0, 0}, new long[] {1, 1, 0, 10});
    }

    @Test
    void theP99TargetIsJudgedOnlyAtHalfLoad() {
        assertThat(latencyTarget(5_000, 10_000))
                .containsEntry("name", "AT_LEAST_ONCE p99 latency at half load (ms)")
                .containsEntry("goal", "<= 500")
                .containsEntry("met", true);
        assertThat(latencyTarget(3_000, 10_000))
                .containsEntry(
                        "name",
                        "AT_LEAST_ONCE p99 latency at 3,000 records/s, 30% of the maximum (ms)")
                .containsEntry("goal", "(reported)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> latencyTarget(double rate, double maxRate) {
        BenchResults results =
                new BenchResults(
                        new BenchSettings(
                                Path.of("bench.yaml"),
                                Path.of("."),
                                1,
                                2,
                                0,
                                1,
                                Duration.ofSeconds(2),
                                0,
                                Duration.ZERO,
                                Duration.ofSeconds(1),
                                Path.of("out"),
                                null,
                                List.of()));
        LatencyHistogram latencies = new LatencyHistogram();
        LatencyTimeline timeline = new LatencyTimeline(0, 2, 500);
        for (int i = 0; i < 100; i++) {
            latencies.record(300);
            timeline.record(i * 10, 300);
        }
        results.latency(
                new PacedRun.Result(latencies, timeline, 0, 2_000, 100, rate, List.of()),
                rate,
                maxRate,
                new double[] {1.0, 1.5},
                Duration.ofSeconds(1));
        results.finish();
        List<Map<String, Object>> targets =
                (List<Map<String, Object>>) results.asMap().get("targets");
        assertThat(targets).hasSize(1);
        Map<String, Object> latency = (Map<String, Object>) results.asMap().get("latency");
        assertThat(latency).containsEntry("cpu_cores", 1.3);
        assertThat(latency).containsEntry("paced_warm_up_seconds", 1.0);
        assertThat((List<Double>) latency.get("cpu_cores_per_second")).containsExactly(1.0, 1.5);
        return targets.get(0);
    }

    @Test
    void theConsumerReadsTheSourceIdOfATrainingRecord() {
        byte[] record =
                ("{\"id\":\"a#0#0\",\"meta\":{\"source_id\":\"no\"},\"source_id\":\"a\","
                                + "\"input_ids\":[1,2,3]}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(PacedRun.sourceId(record)).isEqualTo("a");
        assertThat(PacedRun.sourceId("{\"id\":\"x\"}".getBytes())).isNull();
        assertThat(PacedRun.sourceId("not json".getBytes())).isNull();
        assertThat(PacedRun.sourceId("{\"source_id\":null}".getBytes())).isNull();
    }

    /**
     * Records that never produce a training record (near duplicates, above all in a soak whose
     * corpus repeats within the window) must not stay in the latency consumer's map, whose growth
     * the soak would report as the pipeline's heap.
     */
    @Test
    void sentRecordsWithoutOutputAreGivenUpByAge() {
        java.util.Map<String, Long> pending = new java.util.concurrent.ConcurrentHashMap<>();
        pending.put("old", 1_000L);
        pending.put("older", 500L);
        pending.put("recent", 3_000L);

        assertThat(PacedRun.giveUp(pending, 2_000L)).isEqualTo(2);
        assertThat(pending).containsOnlyKeys("recent");
        assertThat(PacedRun.giveUp(pending, 2_000L)).isZero();
    }
}

package io.streamprep.jobs.augment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.testing.ApertiumServerExtension;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.jobs.testing.SampleData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MT server is stopped while the job back-translates the sample: the job keeps running and
 * finishes, every original still arrives, and every back-translation that was not made is counted
 * in {@code augment.mt_failed}. Texts travel in batches of up to 8 records per request.
 */
class BackTranslationOutageITCase {

    private static final long REQUESTS_BEFORE_STOP = 150;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @RegisterExtension static final ApertiumServerExtension APY = new ApertiumServerExtension();

    @TempDir Path dir;

    @Test
    void jobCompletesAndCountsTheSkippedVariants() throws Exception {
        Path out = dir.resolve("out");
        JobClient job =
                PipelineRuns.start(
                        List.of(
                                "source.file.path=" + SampleData.file(),
                                "sink.file.path=" + out,
                                "labels.list=" + SampleData.LABELS,
                                "pipeline.parallelism=2",
                                "augment.enabled=true",
                                "augment.eda.enabled=false",
                                "augment.backtranslate.enabled=true",
                                "augment.backtranslate.url=" + APY.url(),
                                "augment.backtranslate.capacity=32",
                                "augment.backtranslate.batch.max-sentences=8",
                                "augment.backtranslate.request-timeout=5 s",
                                "augment.backtranslate.retries=1",
                                "augment.backtranslate.retry-backoff=20 ms",
                                "augment.backtranslate.breaker.failures=3",
                                "augment.backtranslate.breaker.cooldown=300 ms"));

        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (APY.translateRequests() < REQUESTS_BEFORE_STOP) {
            assertThat(System.nanoTime()).as("APy saw too few requests").isLessThan(deadline);
            assertThat(job.getJobStatus().get().isGloballyTerminalState())
                    .as("job ended before the outage")
                    .isFalse();
            Thread.sleep(50);
        }
        APY.stop();

        JobExecutionResult result = job.getJobExecutionResult().get(3, TimeUnit.MINUTES);

        List<JsonNode> records = TrainingOutput.records(out);
        Set<String> originals = new HashSet<>();
        long backTranslated = 0;
        for (JsonNode r : records) {
            if (r.get("variant").asInt() == 0) {
                originals.add(r.get("source_id").asText());
            } else {
                assertThat(TrainingOutput.hasOperation(r, "back_translate")).isTrue();
                backTranslated++;
            }
        }
        long recordsIn = result.<Long>getAccumulatorResult("in.records");
        long dropped =
                TrainingOutput.lines(out.resolve("dlq")).size()
                        + TrainingOutput.lines(out.resolve("duplicates")).size();
        long failed = counter(result, "augment.mt_failed");
        long variants = counter(result, "augment.mt_variants");
        long identical = counter(result, "augment.mt_identical");
        long tooLong = counter(result, "augment.mt_too_long");
        System.out.printf(
                "MT outage: %d originals, %d back-translated, %d failed (%d circuit open),"
                        + " %d identical, %d too long%n",
                originals.size(),
                variants,
                failed,
                counter(result, "augment.mt_circuit_open"),
                identical,
                tooLong);

        // Nothing vanished: every accepted record is there, with or without its variant.
        assertThat(originals).hasSize((int) (recordsIn - dropped));
        // Batched: more records were back-translated than requests made (two per record alone).
        assertThat(variants).isEqualTo(backTranslated).isGreaterThan(REQUESTS_BEFORE_STOP);
        assertThat(failed).isPositive();
        assertThat(counter(result, "augment.mt_circuit_open")).isPositive();
        assertThat(variants + failed + identical + tooLong).isEqualTo(originals.size());
    }

    private static long counter(JobExecutionResult result, String name) {
        Long value = result.getAccumulatorResult(name);
        return value == null ? 0 : value;
    }
}

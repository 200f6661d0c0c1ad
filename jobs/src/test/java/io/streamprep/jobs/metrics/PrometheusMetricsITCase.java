package io.streamprep.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.corpus.ExpectedOutcome;
import io.streamprep.jobs.testing.KafkaExtension;
import io.streamprep.jobs.testing.KafkaThreads;
import io.streamprep.jobs.testing.OutputTopics;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.jobs.testing.SampleData;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Prometheus endpoint of a local run, configured only through the {@code flink.} passthrough
 * exactly as a user would ({@code --set flink.metrics.reporter.prom.*}), scraped over real HTTP
 * while the job streams the sample from a real Kafka broker: streamprep's counters, the per-stage
 * records in/out of every operator, the rates and the duplicate-rate gauge are served, with the
 * values the sample's ground truth dictates.
 */
class PrometheusMetricsITCase {

    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @AfterEach
    void noLeakedProducers() {
        KafkaThreads.assertNoProducerThreadsLeaked();
    }

    @Test
    void runningJobServesItsMetrics() throws Exception {
        List<byte[]> lines = SampleData.lines();
        String input = KAFKA.newTopic("input", 2);
        KAFKA.produce(input, lines);
        OutputTopics out = OutputTopics.create(KAFKA, "out", 2);
        int port = freePort();
        List<String> settings = new ArrayList<>(out.sinkSettings());
        settings.addAll(
                List.of(
                        "source.type=KAFKA",
                        "source.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "source.kafka.topic=" + input,
                        "sink.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "labels.list=" + SampleData.LABELS,
                        "source.watermark.idle-timeout=1 s",
                        "flink.metrics.reporter.prom.factory.class="
                                + "org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
                        "flink.metrics.reporter.prom.port=" + port,
                        "flink.metrics.reporter.prom.interval=1 s",
                        "flink.execution.runtime-mode=STREAMING"));
        Map<String, Long> expectedDlq =
                SampleData.expectations().values().stream()
                        .filter(e -> e.expect() == ExpectedOutcome.Outcome.DEAD_LETTER)
                        .collect(
                                Collectors.groupingBy(
                                        ExpectedOutcome::reason, Collectors.counting()));
        long expectedDuplicates =
                SampleData.expectations().values().stream()
                        .filter(e -> e.expect() == ExpectedOutcome.Outcome.DUPLICATE)
                        .count();

        JobClient job = PipelineRuns.start(settings);
        try {
            String page = "";
            String previous = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            // The source never finishes (stop=never): wait until every record has been counted
            // and the figures stopped moving between two scrapes.
            while (System.nanoTime() < deadline) {
                page = scrape(port);
                String figures = figures(page);
                if (sum(page, "streamprep_in_records") == lines.size()
                        && sum(page, "streamprep_duplicates_exact") == expectedDuplicates
                        && figures.equals(previous)) {
                    break;
                }
                previous = figures;
                Thread.sleep(1000);
            }
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(sum(page, "streamprep_in_records")).isEqualTo(lines.size());
            assertThat(sum(page, "streamprep_duplicates_exact")).isEqualTo(expectedDuplicates);
            for (Map.Entry<String, Long> reason : expectedDlq.entrySet()) {
                assertThat(sum(page, "streamprep_dlq_" + reason.getKey()))
                        .as("dlq %s", reason.getKey())
                        .isEqualTo(reason.getValue());
            }
            long deadLetters = expectedDlq.values().stream().mapToLong(Long::longValue).sum();
            long kept = sum(page, "streamprep_dedup_kept");
            long unique = lines.size() - deadLetters - expectedDuplicates;
            // Dedup holds back the records within the out-of-orderness bound of the newest one
            // until later input moves the watermark past them.
            assertThat(kept).isPositive().isLessThanOrEqualTo(unique);
            assertThat(sum(page, "streamprep_out_tokens")).isPositive();
            assertThat(names(page)).anyMatch(n -> n.endsWith("streamprep_out_tokens_rate"));
            assertThat(names(page)).anyMatch(n -> n.endsWith("streamprep_in_records_rate"));
            List<Double> rates = values(page, "streamprep_dedup_duplicate_rate");
            assertThat(rates).isNotEmpty().allMatch(r -> r >= 0 && r <= 1).anyMatch(r -> r > 0);
            // Flink's own per-operator counters give records in/out per stage.
            for (String stage : List.of("normalize", "exact_dedup", "tokenize___split")) {
                assertThat(sumWhere(page, "numRecordsIn", "operator_name=\"" + stage + "\""))
                        .as("records into %s", stage)
                        .isPositive();
            }
            assertThat(sumWhere(page, "numRecordsOut", "operator_name=\"tokenize___split\""))
                    .isEqualTo(
                            sum(page, "streamprep_out_records_train")
                                    + sum(page, "streamprep_out_records_validation")
                                    + sum(page, "streamprep_out_records_test"));
        } finally {
            job.cancel().get();
        }
    }

    private static long outRecords(String page) {
        return sum(page, "streamprep_out_records_train")
                + sum(page, "streamprep_out_records_validation")
                + sum(page, "streamprep_out_records_test");
    }

    private static String figures(String page) {
        return sum(page, "streamprep_dedup_kept")
                + "/"
                + outRecords(page)
                + "/"
                + sumWhere(page, "numRecordsOut", "operator_name=\"tokenize___split\"");
    }

    private static String scrape(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (java.io.IOException e) {
            return ""; // not up yet
        }
    }

    /** Sum of all samples whose metric name ends with {@code _<suffix>}. */
    private static long sum(String page, String suffix) {
        return sumWhere(page, suffix, "");
    }

    private static long sumWhere(String page, String suffix, String label) {
        return (long) samples(page, suffix, label).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> values(String page, String suffix) {
        return samples(page, suffix, "");
    }

    private static List<Double> samples(String page, String suffix, String label) {
        List<Double> values = new ArrayList<>();
        Matcher m = SAMPLE.matcher(page);
        while (m.find()) {
            String labels = m.group(2) == null ? "" : m.group(2);
            if (m.group(1).endsWith("_" + suffix) && labels.contains(label)) {
                values.add(Double.parseDouble(m.group(3)));
            }
        }
        return values;
    }

    private static List<String> names(String page) {
        List<String> names = new ArrayList<>();
        Matcher m = SAMPLE.matcher(page);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

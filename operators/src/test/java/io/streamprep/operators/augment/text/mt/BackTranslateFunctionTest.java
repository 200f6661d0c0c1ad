package io.streamprep.operators.augment.text.mt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.augment.text.AugmentPolicy;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The async function's outcomes that need no MT server (the real server's are in the jobs module's
 * ITCases): every path completes with exactly one result and never an error.
 */
class BackTranslateFunctionTest {

    @Test
    void everyOutcomeIsOneResultNeverAnError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> values =
                Map.of(
                        "augment.enabled", "true",
                        "augment.eda.variants", "2",
                        "augment.backtranslate.enabled", "true",
                        "augment.backtranslate.url", "http://127.0.0.1:" + closedPort,
                        "augment.backtranslate.max-chars", "20",
                        "augment.backtranslate.retries", "1",
                        "augment.backtranslate.retry-backoff", "10 ms",
                        "augment.backtranslate.breaker.failures", "1",
                        "augment.backtranslate.breaker.cooldown", "1 h");
        Configuration config = Configuration.fromMap(values);
        BackTranslateFunction function =
                new BackTranslateFunction(
                        BackTranslateSettings.fromConfig(config), AugmentPolicy.fromConfig(config));
        function.open(DefaultOpenContext.INSTANCE);

        TextEvent original = event("a", "The dog sleeps.");
        assertThat(run(function, original.asVariant(1, "An EDA variant.", "[]")))
                .isEqualTo(
                        BackTranslation.notRequested(
                                original.asVariant(1, "An EDA variant.", "[]")));
        TextEvent longText = event("b", "A text longer than twenty characters.");
        assertThat(run(function, longText))
                .isEqualTo(BackTranslation.failed(longText, 3, "too_long"));
        // Nothing listens on the port: fails after the retry, which opens the breaker.
        assertThat(run(function, original)).isEqualTo(BackTranslation.failed(original, 3, "io"));
        assertThat(run(function, original))
                .isEqualTo(BackTranslation.failed(original, 3, "circuit_open"));

        TestingResultFuture<BackTranslation> timedOut = new TestingResultFuture<>();
        function.timeout(original, timedOut);
        assertThat(timedOut.result.get(1, TimeUnit.SECONDS))
                .containsExactly(BackTranslation.failed(original, 3, "timeout"));
        function.close();
    }

    @Test
    void aFailedBatchFailsEachOfItsRecordsAndCloseCompletesWaitingOnes() throws Exception {
        Map<String, String> values =
                Map.of(
                        "augment.enabled", "true",
                        "augment.backtranslate.enabled", "true",
                        "augment.backtranslate.url", "http://127.0.0.1:" + closedPort(),
                        "augment.backtranslate.retries", "0",
                        "augment.backtranslate.batch.max-sentences", "2",
                        "augment.backtranslate.batch.max-delay", "1 h");
        Configuration config = Configuration.fromMap(values);
        BackTranslateFunction function =
                new BackTranslateFunction(
                        BackTranslateSettings.fromConfig(config), AugmentPolicy.fromConfig(config));
        function.open(DefaultOpenContext.INSTANCE);
        TextEvent a = event("a", "The dog sleeps");
        TextEvent b = event("b", "A cat");
        TextEvent c = event("c", "A bird");
        TestingResultFuture<BackTranslation> ra = new TestingResultFuture<>();
        TestingResultFuture<BackTranslation> rb = new TestingResultFuture<>();
        TestingResultFuture<BackTranslation> rc = new TestingResultFuture<>();
        function.asyncInvoke(a, ra);
        assertThat(ra.result).isNotDone();
        function.asyncInvoke(b, rb);
        // One request for both; nothing listens, so both are skipped with its error.
        assertThat(ra.result.get(30, TimeUnit.SECONDS))
                .containsExactly(BackTranslation.failed(a, 3, "io"));
        assertThat(rb.result.get(30, TimeUnit.SECONDS))
                .containsExactly(BackTranslation.failed(b, 3, "io"));
        // A record waiting for its batch (delay 1 h) is completed when the operator closes.
        function.asyncInvoke(c, rc);
        assertThat(rc.result).isNotDone();
        function.close();
        assertThat(rc.result.get(30, TimeUnit.SECONDS))
                .containsExactly(BackTranslation.failed(c, 3, "closed"));
    }

    private static int closedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static BackTranslation run(BackTranslateFunction function, TextEvent event)
            throws Exception {
        TestingResultFuture<BackTranslation> future = new TestingResultFuture<>();
        function.asyncInvoke(event, future);
        var results = future.result.get(30, TimeUnit.SECONDS);
        assertThat(results).hasSize(1);
        return results.iterator().next();
    }

    private static TextEvent event(String id, String text) {
        byte[] original = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        return new TextEvent(
                new TextRecord(id, 1000L, text, null, null), 1000L, "test:" + id, original, null);
    }
}

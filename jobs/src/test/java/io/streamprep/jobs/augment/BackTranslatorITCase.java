package io.streamprep.jobs.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.jobs.testing.ApertiumServerExtension;
import io.streamprep.operators.augment.text.mt.ApertiumClient;
import io.streamprep.operators.augment.text.mt.BackTranslateSettings;
import io.streamprep.operators.augment.text.mt.BackTranslator;
import io.streamprep.operators.augment.text.mt.MtException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MT client, retries and circuit breaker against the real Apertium APy server. */
class BackTranslatorITCase {

    @RegisterExtension static final ApertiumServerExtension APY = new ApertiumServerExtension();

    @Test
    void translatesEnglishToSpanishAndBackKeepingLinesApart() throws Exception {
        ApertiumClient client = client(APY.url());
        String spanish =
                client.translate("The dog sleeps.\nA red house.", "eng|spa")
                        .get(30, TimeUnit.SECONDS);
        String[] lines = spanish.strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("perro");
        assertThat(lines[1]).isEqualTo("Una casa roja.");

        BackTranslator translator = new BackTranslator(client, settings(APY.url(), 5));
        BackTranslator.Result result =
                translator
                        .backTranslate("A large bird of prey that hunts small animals.")
                        .get(30, TimeUnit.SECONDS);
        assertThat(result.pivot()).contains("pájaro");
        assertThat(result.text().strip()).startsWith("A").contains("bird").endsWith(".");
        // Unknown words come back plain, without APy's '*' marks.
        assertThat(client.translate("The florbix sleeps.", "eng|spa").get(30, TimeUnit.SECONDS))
                .doesNotContain("*")
                .contains("florbix");
    }

    @Test
    void aStoppedServerFailsAfterRetriesThenTheBreakerSkipsWithoutCalling() throws Exception {
        BackTranslator translator = new BackTranslator(client(APY.url()), settings(APY.url(), 2));
        assertThat(translator.backTranslate("A cat.").get(30, TimeUnit.SECONDS).text())
                .isNotBlank();
        APY.stop();
        try {
            for (int i = 0; i < 2; i++) {
                assertThat(reasonOf(translator.backTranslate("A cat."))).isEqualTo("io");
            }
            assertThat(reasonOf(translator.backTranslate("A cat."))).isEqualTo("circuit_open");
        } finally {
            APY.start();
        }
        // A new server (new port) works again for a new translator.
        BackTranslator fresh = new BackTranslator(client(APY.url()), settings(APY.url(), 2));
        assertThat(fresh.backTranslate("A cat.").get(30, TimeUnit.SECONDS).text()).isNotBlank();
    }

    @Test
    void anApyErrorIsAFailureNotAnAnswer() {
        assertThatThrownBy(
                        () ->
                                client(APY.url())
                                        .translate("Hello.", "eng|xyz")
                                        .get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(MtException.class);
    }

    private static String reasonOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return BackTranslator.reasonOf(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer in time", e);
        }
    }

    private static ApertiumClient client(String url) {
        return new ApertiumClient(HttpClient.newHttpClient(), url, Duration.ofSeconds(10));
    }

    private static BackTranslateSettings settings(String url, int breakerFailures) {
        return BackTranslateSettings.fromConfig(
                Configuration.fromMap(
                        Map.of(
                                "augment.backtranslate.url", url,
                                "augment.backtranslate.retries", "2",
                                "augment.backtranslate.retry-backoff", "20 ms",
                                "augment.backtranslate.breaker.failures",
                                        Integer.toString(breakerFailures),
                                "augment.backtranslate.breaker.cooldown", "1 min")));
    }
}

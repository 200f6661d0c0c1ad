package io.streamprep.jobs.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprep.jobs.testing.ApertiumServerExtension;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.operators.augment.text.mt.ApertiumClient;
import io.streamprep.operators.augment.text.mt.BackTranslateSettings;
import io.streamprep.operators.augment.text.mt.BackTranslator;
import io.streamprep.operators.augment.text.mt.MtException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MT client, batching, retries and circuit breaker against the real Apertium APy server. */
class BackTranslatorITCase {

    @RegisterExtension static final ApertiumServerExtension APY = new ApertiumServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

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

        BackTranslator.Result result;
        try (BackTranslator translator = new BackTranslator(client, settings(APY.url(), 5))) {
            result =
                    translator
                            .backTranslate("A large bird of prey that hunts small animals.")
                            .get(30, TimeUnit.SECONDS);
        }
        assertThat(result.pivot()).contains("pájaro");
        assertThat(result.text().strip()).startsWith("A").contains("bird").endsWith(".");
        // Unknown words come back plain, without APy's '*' marks.
        assertThat(client.translate("The florbix sleeps.", "eng|spa").get(30, TimeUnit.SECONDS))
                .doesNotContain("*")
                .contains("florbix");
    }

    @Test
    void batchedTextsAreTranslatedAsIfSentAlone() throws Exception {
        // Sample glosses without their final period (so nothing but the separator ends them),
        // plus texts with characters that are special to Apertium's stream format or to HTML.
        List<String> texts = new ArrayList<>();
        for (byte[] line : SampleData.lines().subList(0, 200)) {
            String text = textOf(line);
            if (!text.isEmpty() && !text.contains("<") && texts.size() < 44) {
                texts.add(text.replaceAll("[.;]+$", ""));
            }
        }
        texts.addAll(
                List.of(
                        "Fish & chips [cheap] at 5$ \\ each",
                        "The dog runs\nthe cat sleeps",
                        "Bread with <b>butter</b> and jam",
                        "the cat sleeps"));

        List<BackTranslator.Result> alone;
        try (BackTranslator translator =
                new BackTranslator(client(APY.url()), settings(APY.url(), 5, 1))) {
            alone = backTranslateAll(translator, texts);
        }
        long before = APY.translateRequests();
        List<BackTranslator.Result> batched;
        try (BackTranslator translator =
                new BackTranslator(client(APY.url()), settings(APY.url(), 5, 16))) {
            batched = backTranslateAll(translator, texts);
        }
        long requests = APY.translateRequests() - before;

        int same = 0;
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batched.get(i).resentAlone()).isFalse();
            if (batched.get(i).text().strip().equals(alone.get(i).text().strip())
                    && batched.get(i).pivot().strip().equals(alone.get(i).pivot().strip())) {
                same++;
            } else {
                System.out.printf(
                        "batched differs: %s%n  alone:   %s%n  batched: %s%n",
                        texts.get(i), alone.get(i), batched.get(i));
            }
        }
        System.out.printf(
                "%d texts: %d requests batched (%d alone), %d translations identical%n",
                texts.size(), requests, 2 * texts.size(), same);
        // Alone: two requests per text. Batched: up to 16 texts or 1000 characters per request
        // (about 12 of these texts), the one text with markup alone; timing may split batches.
        assertThat(requests).isLessThanOrEqualTo(texts.size() / 2);
        // APy itself differs now and then from request to request (BENCHMARKS.md: up to ~1-2%),
        // joining the texts with newlines instead would change about half of them.
        assertThat(same).isGreaterThanOrEqualTo(texts.size() - 2);
        assertThat(batched.get(texts.size() - 1).text().strip())
                .isEqualTo(alone.get(texts.size() - 1).text().strip());
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
        translator.close();
        // A new server (new port) works again for a new translator.
        try (BackTranslator fresh = new BackTranslator(client(APY.url()), settings(APY.url(), 2))) {
            assertThat(fresh.backTranslate("A cat.").get(30, TimeUnit.SECONDS).text()).isNotBlank();
        }
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

    private static String textOf(byte[] line) {
        try {
            JsonNode text = JSON.readTree(line).path("text");
            return text.isTextual() ? text.asText().strip() : "";
        } catch (java.io.IOException e) {
            return ""; // the sample's deliberately broken lines
        }
    }

    private static List<BackTranslator.Result> backTranslateAll(
            BackTranslator translator, List<String> texts) throws Exception {
        List<CompletableFuture<BackTranslator.Result>> futures =
                texts.stream().map(translator::backTranslate).toList();
        List<BackTranslator.Result> results = new ArrayList<>();
        for (CompletableFuture<BackTranslator.Result> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static BackTranslateSettings settings(String url, int breakerFailures) {
        return settings(url, breakerFailures, 16);
    }

    private static BackTranslateSettings settings(String url, int breakerFailures, int batch) {
        return BackTranslateSettings.fromConfig(
                Configuration.fromMap(
                        Map.of(
                                "augment.backtranslate.url", url,
                                "augment.backtranslate.retries", "2",
                                "augment.backtranslate.retry-backoff", "20 ms",
                                "augment.backtranslate.breaker.failures",
                                        Integer.toString(breakerFailures),
                                "augment.backtranslate.breaker.cooldown", "1 min",
                                "augment.backtranslate.batch.max-sentences",
                                        Integer.toString(batch),
                                "augment.backtranslate.batch.max-delay", "200 ms")));
    }
}

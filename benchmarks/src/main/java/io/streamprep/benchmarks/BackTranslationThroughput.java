package io.streamprep.benchmarks;

import io.streamprep.operators.augment.text.mt.ApertiumClient;
import io.streamprep.operators.augment.text.mt.BackTranslateSettings;
import io.streamprep.operators.augment.text.mt.BackTranslator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;

/**
 * Back-translations/s (English → Spanish → English) through a running Apertium APy server with the
 * pipeline's own {@link BackTranslator}, per batch size ({@code
 * augment.backtranslate.batch.max-sentences}; 1 = every text alone), and how many translations
 * batching changes. Not JMH: it measures a separate server process over loopback HTTP.
 *
 * <p>Texts are real WordNet glosses, once as they are (each ends with a period) and once without
 * the final period, where nothing but the batch separator ends a text. As many texts are in flight
 * as the operator's Async I/O capacity allows. APy's answers vary a little from request to request
 * on their own, so every pass is compared with two unbatched passes and a text counts as changed by
 * batching only if it differs from both. For contrast, the forward leg is also run with texts
 * joined by plain newlines and by blank lines (the obvious alternative separators).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.streamprep.benchmarks.BackTranslationThroughput http://127.0.0.1:2737 [texts] [sizes]
 * [capacity] [max-chars]}, e.g. {@code ... 600 1,4,8,16,32 64 1000}
 */
public final class BackTranslationThroughput {

    private BackTranslationThroughput() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:2737";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        String sizes = args.length > 2 ? args[2] : "1,4,8,16,32";
        int capacity = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        String maxChars = args.length > 4 ? args[4] : "1000";
        List<String> glosses = new ArrayList<>();
        for (String gloss : GlossCorpus.load(count, 1, 20_240_601L)) {
            glosses.add(gloss.replace('\n', ' '));
        }
        List<String> unpunctuated = glosses.stream().map(g -> g.replaceAll("\\.$", "")).toList();
        ApertiumClient client =
                new ApertiumClient(HttpClient.newHttpClient(), url, Duration.ofSeconds(60));
        client.translate("Warm up.", "eng|spa").get();
        System.out.printf(
                "%d texts, mean %.0f characters, capacity %d, batch.max-chars %s%n",
                glosses.size(),
                glosses.stream().mapToInt(String::length).average().orElse(0),
                capacity,
                maxChars);

        for (List<String> texts : List.of(glosses, unpunctuated)) {
            System.out.println(
                    texts == glosses ? "-- glosses as they are" : "-- final period removed");
            Pass alone1 = run(url, client, texts, 1, capacity, maxChars);
            Pass alone2 = run(url, client, texts, 1, capacity, maxChars);
            System.out.printf(
                    "batch %2d: %6.1f back-translations/s (second pass %.1f); the two unbatched"
                            + " passes differ on %d%n",
                    1, alone1.rate, alone2.rate, differences(alone1.texts, alone2.texts, null));
            for (String size : sizes.split(",")) {
                int batch = Integer.parseInt(size.strip());
                if (batch == 1) {
                    continue;
                }
                Pass batched = run(url, client, texts, batch, capacity, maxChars);
                System.out.printf(
                        "batch %2d: %6.1f back-translations/s (%.1fx); differ from both unbatched"
                                + " passes: %d (from the first %d, the second %d); resent alone:"
                                + " %d%n",
                        batch,
                        batched.rate,
                        batched.rate / ((alone1.rate + alone2.rate) / 2),
                        differences(batched.texts, alone1.texts, alone2.texts),
                        differences(batched.texts, alone1.texts, null),
                        differences(batched.texts, alone2.texts, null),
                        batched.resent);
            }
            List<String> pivots = new ArrayList<>();
            for (BackTranslator.Result r : alone2.results) {
                pivots.add(r.pivot().strip());
            }
            for (String separator : List.of("\n", "\n\n")) {
                List<String> joined = joinedBy(client, texts, 16, separator);
                System.out.printf(
                        "forward leg, 16 texts per request joined by %s instead: %d of %d"
                                + " Spanish texts differ from the unbatched pass%n",
                        separator.length() == 1 ? "newlines" : "blank lines",
                        differences(joined, pivots, null),
                        texts.size());
            }
        }
    }

    private record Pass(
            double rate, List<BackTranslator.Result> results, List<String> texts, int resent) {}

    private static Pass run(
            String url,
            ApertiumClient client,
            List<String> texts,
            int batch,
            int capacity,
            String maxChars)
            throws Exception {
        BackTranslateSettings settings =
                BackTranslateSettings.fromConfig(
                        Configuration.fromMap(
                                Map.of(
                                        "augment.backtranslate.url",
                                        url,
                                        "augment.backtranslate.request-timeout",
                                        "60 s",
                                        "augment.backtranslate.batch.max-sentences",
                                        Integer.toString(batch))));
        Semaphore inFlight = new Semaphore(capacity);
        List<CompletableFuture<BackTranslator.Result>> futures = new ArrayList<>();
        long start = System.nanoTime();
        try (BackTranslator translator = new BackTranslator(client, settings)) {
            for (String text : texts) {
                inFlight.acquire();
                futures.add(
                        translator.backTranslate(text).whenComplete((r, e) -> inFlight.release()));
            }
            List<BackTranslator.Result> results = new ArrayList<>();
            for (CompletableFuture<BackTranslator.Result> f : futures) {
                results.add(f.get(10, TimeUnit.MINUTES));
            }
            double rate = texts.size() / ((System.nanoTime() - start) / 1e9);
            List<String> out = new ArrayList<>();
            int resent = 0;
            for (BackTranslator.Result r : results) {
                out.add(r.pivot().strip() + " => " + r.text().strip());
                resent += r.resentAlone() ? 1 : 0;
            }
            return new Pass(rate, results, out, resent);
        }
    }

    private static List<String> joinedBy(
            ApertiumClient client, List<String> texts, int batch, String separator)
            throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += batch) {
            List<String> part = texts.subList(i, Math.min(texts.size(), i + batch));
            String[] lines =
                    client.translate(String.join(separator, part), "eng|spa")
                            .get(2, TimeUnit.MINUTES)
                            .strip()
                            .split(separator, -1);
            if (lines.length != part.size()) {
                throw new IllegalStateException(
                        "APy returned " + lines.length + " lines for " + part.size());
            }
            for (String line : lines) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** Positions where {@code a} differs from {@code b} and (if given) from {@code c} too. */
    private static int differences(List<String> a, List<String> b, List<String> c) {
        int differ = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i)) && (c == null || !a.get(i).equals(c.get(i)))) {
                differ++;
            }
        }
        return differ;
    }
}

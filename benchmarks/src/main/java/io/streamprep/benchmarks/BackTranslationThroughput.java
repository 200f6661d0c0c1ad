package io.streamprep.benchmarks;

import io.streamprep.operators.augment.text.mt.ApertiumClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sentences/s of English → Spanish through a running Apertium APy server, one sentence per request
 * versus many sentences joined by newlines per request, and whether batching changes any sentence's
 * translation. Not JMH: it measures a separate server process over loopback HTTP.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.streamprep.benchmarks.BackTranslationThroughput http://127.0.0.1:2737 [sentences] [batch]
 * [concurrency]}
 */
public final class BackTranslationThroughput {

    private BackTranslationThroughput() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:2737";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        List<String> sentences = new ArrayList<>();
        for (String gloss : GlossCorpus.load(count, 1, 20_240_601L)) {
            sentences.add(gloss.replace('\n', ' '));
        }
        ApertiumClient client =
                new ApertiumClient(HttpClient.newHttpClient(), url, Duration.ofSeconds(60));
        client.translate("Warm up.", "eng|spa").get();

        List<String> reference = null;
        for (int c : new int[] {1, concurrency}) {
            long start = System.nanoTime();
            List<String> single = translate(client, sentences, 1, c);
            double singleRate = rate(sentences.size(), start);
            start = System.nanoTime();
            List<String> batched = translate(client, sentences, batch, c);
            double batchedRate = rate(sentences.size(), start);
            int differ = differences(single, batched);
            if (reference == null) {
                reference = single;
            }
            System.out.printf(
                    "concurrency %d: unbatched %.0f sentences/s, batched (%d per request) %.0f"
                            + " sentences/s; of %d sentences, batched differ from unbatched: %d,"
                            + " unbatched differ from unbatched at concurrency 1: %d%n",
                    c,
                    singleRate,
                    batch,
                    batchedRate,
                    single.size(),
                    differ,
                    differences(reference, single));
        }
    }

    private static List<String> translate(
            ApertiumClient client, List<String> sentences, int batch, int concurrency)
            throws Exception {
        List<String> out = new ArrayList<>();
        List<CompletableFuture<String>> window = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += batch) {
            List<String> part = sentences.subList(i, Math.min(sentences.size(), i + batch));
            window.add(client.translate(String.join("\n", part), "eng|spa"));
            sizes.add(part.size());
            if (window.size() == concurrency) {
                drain(window, sizes, out);
            }
        }
        drain(window, sizes, out);
        return out;
    }

    private static void drain(
            List<CompletableFuture<String>> window, List<Integer> sizes, List<String> out)
            throws Exception {
        for (int i = 0; i < window.size(); i++) {
            String[] lines = window.get(i).get(120, TimeUnit.SECONDS).strip().split("\n", -1);
            if (lines.length != sizes.get(i)) {
                throw new IllegalStateException(
                        "APy returned " + lines.length + " lines for " + sizes.get(i));
            }
            out.addAll(List.of(lines));
        }
        window.clear();
        sizes.clear();
    }

    private static int differences(List<String> a, List<String> b) {
        int differ = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).strip().equals(b.get(i).strip())) {
                differ++;
            }
        }
        return differ;
    }

    private static double rate(int n, long start) {
        return n / ((System.nanoTime() - start) / 1e9);
    }
}

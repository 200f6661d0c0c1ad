package io.streamprep.operators.augment.text.mt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batching logic, with an in-process stand-in for the HTTP transport that "translates" like APy
 * treats markup: text outside tags is changed (upper-cased), tags pass through unchanged. The real
 * server is exercised by the jobs module's BackTranslatorITCase.
 */
class MtBatcherTest {

    private static final Duration NEVER = Duration.ofHours(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aFullBatchGoesOutAsOneRequestAndEveryTextGetsItsOwnPart() throws Exception {
        MtBatcher batcher = new MtBatcher(recording(MtBatcherTest::upper), 3, 1000, NEVER, timer);
        var a = batcher.submit("the dog runs");
        var b = batcher.submit("a cat");
        assertThat(requests).isEmpty();
        var c = batcher.submit("x.");
        assertThat(requests).containsExactly("the dog runs<br id=\"sp-0\">a cat<br id=\"sp-1\">x.");
        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(new MtBatcher.Part("THE DOG RUNS", false));
        assertThat(b.get(5, TimeUnit.SECONDS).text()).isEqualTo("A CAT");
        assertThat(c.get(5, TimeUnit.SECONDS).text()).isEqualTo("X.");

        var d = batcher.submit("left behind");
        batcher.close();
        assertThat(reasonOf(d)).isEqualTo("closed");
        assertThat(reasonOf(batcher.submit("after close"))).isEqualTo("closed");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aPartialBatchGoesOutAfterTheDelay() throws Exception {
        MtBatcher batcher =
                new MtBatcher(
                        recording(MtBatcherTest::upper), 100, 1000, Duration.ofMillis(10), timer);
        var a = batcher.submit("one");
        var b = batcher.submit("two");
        assertThat(a.get(10, TimeUnit.SECONDS).text()).isEqualTo("ONE");
        assertThat(b.get(10, TimeUnit.SECONDS).text()).isEqualTo("TWO");
        assertThat(requests).containsExactly("one<br id=\"sp-0\">two");
        // The next text starts a new batch with its own delay.
        assertThat(batcher.submit("three").get(10, TimeUnit.SECONDS).text()).isEqualTo("THREE");
        assertThat(requests).hasSize(2).last().isEqualTo("three");
    }

    @Test
    void aTextThatWouldExceedMaxCharsStartsTheNextBatch() throws Exception {
        int sep = ApyBatchFormat.separatorLength(0);
        MtBatcher batcher =
                new MtBatcher(recording(MtBatcherTest::upper), 10, 10 + sep + 10, NEVER, timer);
        var a = batcher.submit("aaaaaaaaaa");
        var b = batcher.submit("bbbbbbbbbb");
        assertThat(requests).isEmpty();
        var c = batcher.submit("c");
        assertThat(requests).containsExactly("aaaaaaaaaa<br id=\"sp-0\">bbbbbbbbbb");
        assertThat(b.get(5, TimeUnit.SECONDS).text()).isEqualTo("BBBBBBBBBB");
        assertThat(a.get(5, TimeUnit.SECONDS).text()).isEqualTo("AAAAAAAAAA");
        // Texts too long to share a request, and markup, go alone at once; "c" keeps waiting.
        var longText = batcher.submit("d".repeat(20));
        var markup = batcher.submit("x <b>y</b>");
        assertThat(requests).contains("d".repeat(20), "x <b>y</b>").hasSize(3);
        assertThat(longText.get(5, TimeUnit.SECONDS).text()).isEqualTo("D".repeat(20));
        assertThat(markup.get(5, TimeUnit.SECONDS).text()).isEqualTo("X <b>Y</b>");
        assertThat(c).isNotDone();
        batcher.close();
        assertThat(reasonOf(c)).isEqualTo("closed");
    }

    @Test
    void anAnswerThatDoesNotSplitIsSentAgainTextByText() throws Exception {
        // A server that loses the separators of batched requests (e.g. cuts them apart).
        Function<String, String> lossy = text -> upper(text.replaceAll("<[^>]*>", " "));
        MtBatcher batcher = new MtBatcher(recording(lossy), 3, 1000, NEVER, timer);
        var a = batcher.submit("one");
        var b = batcher.submit("two");
        var c = batcher.submit("three");
        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(new MtBatcher.Part("ONE", true));
        assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo(new MtBatcher.Part("TWO", true));
        assertThat(c.get(5, TimeUnit.SECONDS)).isEqualTo(new MtBatcher.Part("THREE", true));
        assertThat(requests).hasSize(4).endsWith("one", "two", "three");
    }

    @Test
    void aFailedRequestFailsEveryTextOfTheBatch() {
        MtBatcher failing =
                new MtBatcher(
                        text -> CompletableFuture.failedFuture(new MtException("io", "refused")),
                        2,
                        1000,
                        NEVER,
                        timer);
        var a = failing.submit("one");
        var b = failing.submit("two");
        assertThat(reasonOf(a)).isEqualTo("io");
        assertThat(reasonOf(b)).isEqualTo("io");

        MtBatcher throwing =
                new MtBatcher(
                        text -> {
                            throw new MtException("error", "bad request");
                        },
                        2,
                        1000,
                        NEVER,
                        timer);
        var c = throwing.submit("one");
        var d = throwing.submit("two");
        assertThat(reasonOf(c)).isEqualTo("error");
        assertThat(reasonOf(d)).isEqualTo("error");
    }

    @Test
    void concurrentTextsAreNeverMixedUpAndNoneIsLeftPending() throws Exception {
        ExecutorService server = Executors.newFixedThreadPool(3);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            MtBatcher batcher =
                    new MtBatcher(
                            text -> {
                                requests.add(text);
                                return CompletableFuture.supplyAsync(() -> upper(text), server);
                            },
                            7,
                            200,
                            Duration.ofMillis(1),
                            timer);
            List<CompletableFuture<CompletableFuture<MtBatcher.Part>>> submitted =
                    new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String text = "text number " + i + (i % 3 == 0 ? " with more words." : "");
                submitted.add(CompletableFuture.supplyAsync(() -> batcher.submit(text), callers));
            }
            for (int i = 0; i < submitted.size(); i++) {
                MtBatcher.Part part =
                        submitted.get(i).get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
                assertThat(part.text())
                        .isEqualTo(
                                upper(
                                        "text number "
                                                + i
                                                + (i % 3 == 0 ? " with more words." : "")));
                assertThat(part.resentAlone()).isFalse();
            }
            assertThat(requests.size()).isLessThan(2_000);
            assertThat(requests).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(200));
        } finally {
            server.shutdownNow();
            callers.shutdownNow();
        }
    }

    private Function<String, CompletableFuture<String>> recording(Function<String, String> mt) {
        return text -> {
            requests.add(text);
            return CompletableFuture.completedFuture(mt.apply(text));
        };
    }

    /** Upper-cases everything outside tags, as a stand-in for a translation. */
    private static String upper(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inTag = false;
        for (char c : text.toCharArray()) {
            inTag = c == '<' || (inTag && c != '>');
            out.append(inTag || c == '>' ? c : Character.toUpperCase(c));
        }
        return out.toString();
    }

    private static String reasonOf(CompletableFuture<?> future) {
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        try {
            future.join();
            throw new AssertionError("not failed");
        } catch (RuntimeException e) {
            return BackTranslator.reasonOf(e);
        }
    }
}

package io.streamprep.operators.augment.text.mt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Back-translation of texts (source → pivot → source) with cross-text batching, retries and a
 * circuit breaker.
 *
 * <p>Each leg has its own {@link MtBatcher}: the texts of many records travel in one request
 * ({@code batch.max-sentences}, {@code batch.max-chars}, {@code batch.max-delay}), and the pivots
 * coming back are batched again for the way back. Every request (a batch or a single text) is
 * retried up to {@code retries} times after waits of backoff, 2·backoff, ...; a request that still
 * fails fails every text in it and counts as one failure of the {@link CircuitBreaker}, and while
 * the breaker is open requests fail at once with reason {@code circuit_open} without calling the
 * server. Never blocks the caller: requests run on the HTTP client's threads, retry waits on the
 * JVM's shared delay threads and batch flushes on one daemon timer thread owned by this object,
 * which {@link #close()} stops (failing texts still waiting for a batch with reason {@code
 * closed}).
 */
public final class BackTranslator implements AutoCloseable {

    private final ApertiumClient client;
    private final BackTranslateSettings settings;
    private final CircuitBreaker breaker;
    private final ScheduledThreadPoolExecutor timer;
    private final MtBatcher forward;
    private final MtBatcher backward;

    public BackTranslator(ApertiumClient client, BackTranslateSettings settings) {
        this.client = client;
        this.settings = settings;
        this.breaker =
                new CircuitBreaker(
                        settings.breakerFailures(), settings.breakerCooldown().toNanos());
        this.timer = new ScheduledThreadPoolExecutor(1, BackTranslator::timerThread);
        timer.setRemoveOnCancelPolicy(true);
        this.forward = batcher(settings.forwardPair(), timer);
        this.backward = batcher(settings.backwardPair(), timer);
    }

    /**
     * The pivot text and the back-translated text; {@code resentAlone} if a batched answer could
     * not be split and this text was sent again on its own.
     */
    public record Result(String pivot, String text, boolean resentAlone) {}

    /** Back-translates {@code text}; the future fails with {@link MtException}. */
    public CompletableFuture<Result> backTranslate(String text) {
        return forward.submit(text)
                .thenCompose(
                        pivot ->
                                backward.submit(pivot.text())
                                        .thenApply(
                                                back ->
                                                        new Result(
                                                                pivot.text(),
                                                                back.text(),
                                                                pivot.resentAlone()
                                                                        || back.resentAlone())));
    }

    /** Fails texts still waiting for a batch and stops the flush timer. */
    @Override
    public void close() {
        forward.close();
        backward.close();
        timer.shutdownNow();
    }

    private MtBatcher batcher(String langpair, ScheduledExecutorService timer) {
        return new MtBatcher(
                text -> request(text, langpair),
                settings.batchMaxSentences(),
                settings.batchMaxChars(),
                settings.batchMaxDelay(),
                timer);
    }

    private CompletableFuture<String> request(String text, String langpair) {
        if (!breaker.allow(System.nanoTime())) {
            return CompletableFuture.failedFuture(
                    new MtException("circuit_open", "circuit breaker open"));
        }
        return withRetries(() -> client.translate(text, langpair), 0)
                .whenComplete(
                        (answer, error) -> {
                            if (error == null) {
                                breaker.onSuccess();
                            } else {
                                breaker.onFailure(System.nanoTime());
                            }
                        });
    }

    private CompletableFuture<String> withRetries(
            Supplier<CompletableFuture<String>> call, int attempt) {
        return call.get()
                .handle(
                        (value, error) -> {
                            if (error == null) {
                                return CompletableFuture.completedFuture(value);
                            }
                            if (attempt >= settings.retries()) {
                                return CompletableFuture.<String>failedFuture(unwrap(error));
                            }
                            long wait = settings.backoff().toMillis() << attempt;
                            return CompletableFuture.supplyAsync(
                                            () -> null,
                                            CompletableFuture.delayedExecutor(
                                                    wait, TimeUnit.MILLISECONDS))
                                    .thenCompose(ignored -> withRetries(call, attempt + 1));
                        })
                .thenCompose(f -> f);
    }

    private static Thread timerThread(Runnable task) {
        Thread thread = new Thread(task, "back-translation-batcher");
        thread.setDaemon(true);
        return thread;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }

    /** The cause to count for a failed future's error. */
    public static String reasonOf(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof MtException mt ? mt.reason() : "error";
    }
}

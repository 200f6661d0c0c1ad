package io.streamprep.operators.augment.text.mt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Back-translation of one text (source → pivot → source) with retries and a circuit breaker.
 *
 * <p>Each leg is retried up to {@code retries} times after waits of backoff, 2·backoff, ...; a
 * record whose legs still fail counts as one failure of the {@link CircuitBreaker}, and while the
 * breaker is open texts fail at once with reason {@code circuit_open} without calling the server.
 * Never blocks: everything runs on the HTTP client's and the JVM's shared delay threads.
 */
public final class BackTranslator {

    private final ApertiumClient client;
    private final BackTranslateSettings settings;
    private final CircuitBreaker breaker;

    public BackTranslator(ApertiumClient client, BackTranslateSettings settings) {
        this.client = client;
        this.settings = settings;
        this.breaker =
                new CircuitBreaker(
                        settings.breakerFailures(), settings.breakerCooldown().toNanos());
    }

    /** The pivot text and the back-translated text. */
    public record Result(String pivot, String text) {}

    /** Back-translates {@code text}; the future fails with {@link MtException}. */
    public CompletableFuture<Result> backTranslate(String text) {
        if (!breaker.allow(System.nanoTime())) {
            return CompletableFuture.failedFuture(
                    new MtException("circuit_open", "circuit breaker open"));
        }
        return withRetries(() -> client.translate(text, settings.forwardPair()), 0)
                .thenCompose(
                        pivot ->
                                withRetries(
                                                () ->
                                                        client.translate(
                                                                pivot, settings.backwardPair()),
                                                0)
                                        .thenApply(back -> new Result(pivot, back)))
                .whenComplete(
                        (result, error) -> {
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

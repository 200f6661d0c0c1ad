package io.streamprep.operators.augment.text.mt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Collects the texts of one translation leg (one language pair) of one parallel instance and sends
 * them to the MT server in batches: a batch goes out when it holds {@code maxSentences} texts, when
 * the next text would take it over {@code maxChars} (separators included), or {@code maxDelay}
 * after its first text arrived (processing time, on the given timer thread).
 *
 * <p>Guarantees: {@link #submit} never blocks and every future it returns completes exactly once:
 * with the text's own translation, or exceptionally with the batch request's error (every text of a
 * failed batch gets that error), or with {@link MtException} {@code closed} after {@link #close()}.
 * A translation is never given to another text: an answer that does not split into one part per
 * text ({@link ApyBatchFormat#split}) is discarded and each text of that batch is sent again alone
 * ({@link Part#resentAlone()}). Texts that cannot share a request ({@link
 * ApyBatchFormat#batchable}, or too long for {@code maxChars} with a separator) are sent alone at
 * once. Thread-safe.
 */
final class MtBatcher implements AutoCloseable {

    /** The translation of one submitted text; {@code resentAlone} if its batch could not split. */
    record Part(String text, boolean resentAlone) {}

    private record Pending(String text, CompletableFuture<Part> future) {}

    private final Function<String, CompletableFuture<String>> send;
    private final int maxSentences;
    private final int maxChars;
    private final long maxDelayNanos;
    private final ScheduledExecutorService timer;

    private List<Pending> pending = new ArrayList<>();
    private int pendingChars;
    private long generation;
    private ScheduledFuture<?> flush;
    private boolean closed;

    /**
     * @param send sends one request text and completes with the server's answer (retries and
     *     circuit breaker included); it must not block
     * @param timer runs the delayed flushes; not shut down by this batcher
     */
    MtBatcher(
            Function<String, CompletableFuture<String>> send,
            int maxSentences,
            int maxChars,
            Duration maxDelay,
            ScheduledExecutorService timer) {
        this.send = send;
        this.maxSentences = maxSentences;
        this.maxChars = maxChars;
        this.maxDelayNanos = maxDelay.toNanos();
        this.timer = timer;
    }

    /** Queues {@code text} for the next batch; the future completes with its translation. */
    CompletableFuture<Part> submit(String text) {
        CompletableFuture<Part> future = new CompletableFuture<>();
        if (maxSentences == 1
                || !ApyBatchFormat.batchable(text)
                || text.length() + ApyBatchFormat.separatorLength(maxSentences) > maxChars) {
            sendAlone(text, future, false);
            return future;
        }
        List<Pending> ready = null;
        synchronized (this) {
            if (closed) {
                future.completeExceptionally(new MtException("closed", "batcher closed"));
                return future;
            }
            if (!pending.isEmpty()
                    && pendingChars
                                    + ApyBatchFormat.separatorLength(pending.size() - 1)
                                    + text.length()
                            > maxChars) {
                ready = drain();
            }
            if (!pending.isEmpty()) {
                pendingChars += ApyBatchFormat.separatorLength(pending.size() - 1);
            }
            pending.add(new Pending(text, future));
            pendingChars += text.length();
            if (pending.size() >= maxSentences) {
                ready = drain();
            } else if (pending.size() == 1) {
                long scheduled = generation;
                flush = timer.schedule(() -> flush(scheduled), maxDelayNanos, TimeUnit.NANOSECONDS);
            }
        }
        // At most one batch is ready: after an overflow drain one text is pending, below the limit.
        if (ready != null) {
            sendBatch(ready);
        }
        return future;
    }

    /** Fails every text still waiting for its batch; later submissions fail at once. */
    @Override
    public void close() {
        List<Pending> left;
        synchronized (this) {
            closed = true;
            left = drain();
        }
        MtException error = new MtException("closed", "back-translation closed");
        left.forEach(p -> p.future().completeExceptionally(error));
    }

    private void flush(long scheduled) {
        List<Pending> ready;
        synchronized (this) {
            if (scheduled != generation || pending.isEmpty()) {
                return;
            }
            ready = drain();
        }
        sendBatch(ready);
    }

    /** Takes the pending batch; callers hold the lock. */
    private List<Pending> drain() {
        List<Pending> batch = pending;
        pending = new ArrayList<>();
        pendingChars = 0;
        generation++;
        if (flush != null) {
            flush.cancel(false);
            flush = null;
        }
        return batch;
    }

    private void sendBatch(List<Pending> batch) {
        if (batch.size() == 1) {
            sendAlone(batch.get(0).text(), batch.get(0).future(), false);
            return;
        }
        List<String> texts = batch.stream().map(Pending::text).toList();
        call(ApyBatchFormat.join(texts))
                .whenComplete(
                        (answer, error) -> {
                            if (error != null) {
                                Throwable cause = unwrap(error);
                                batch.forEach(p -> p.future().completeExceptionally(cause));
                                return;
                            }
                            List<String> parts = ApyBatchFormat.split(answer, batch.size());
                            for (int i = 0; i < batch.size(); i++) {
                                Pending p = batch.get(i);
                                if (parts == null) {
                                    sendAlone(p.text(), p.future(), true);
                                } else {
                                    p.future().complete(new Part(parts.get(i), false));
                                }
                            }
                        });
    }

    private void sendAlone(String text, CompletableFuture<Part> future, boolean resent) {
        call(text)
                .whenComplete(
                        (answer, error) -> {
                            if (error != null) {
                                future.completeExceptionally(unwrap(error));
                            } else {
                                future.complete(new Part(answer, resent));
                            }
                        });
    }

    private CompletableFuture<String> call(String text) {
        try {
            return send.apply(text);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }
}

package io.streamprep.jobs.bench;

import io.streamprep.operators.tokenize.TextTokenizer;
import io.streamprep.operators.tokenize.TokenizationException;
import io.streamprep.operators.tokenize.TokenizerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The floor cost: the corpus texts tokenized by DJL (through {@link TextTokenizer}, which reads ids
 * straight from the native encoding) in a tight loop on {@code threads} threads, each with its own
 * tokenizer and every {@code threads}-th text. Nothing else happens: no parsing, no Flink, no
 * Kafka.
 */
final class TokenizerFloor {

    /** Texts each thread tokenizes untimed first. */
    private static final int WARM_UP = 200;

    private TokenizerFloor() {}

    /**
     * @return seconds for all texts, from the moment every thread is ready
     */
    static double run(
            List<String> texts, TokenizerSettings settings, int threads, AtomicLong tokens)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        CyclicBarrier end = new CyclicBarrier(threads + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker =
                    new Thread(
                            () -> {
                                try (TextTokenizer tokenizer = TextTokenizer.open(settings)) {
                                    for (int i = first;
                                            i < texts.size() && i < WARM_UP * threads;
                                            i += threads) {
                                        encode(tokenizer, texts.get(i));
                                    }
                                    start.await();
                                    long n = 0;
                                    for (int i = first; i < texts.size(); i += threads) {
                                        n += encode(tokenizer, texts.get(i));
                                    }
                                    tokens.addAndGet(n);
                                    end.await();
                                } catch (Throwable e) {
                                    failure.compareAndSet(null, e);
                                    start.reset();
                                    end.reset();
                                }
                            },
                            "bench-tokenizer-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        start.await();
        long begin = System.nanoTime();
        end.await();
        long nanos = System.nanoTime() - begin;
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("tokenizer-only run failed", failure.get());
        }
        return nanos / 1e9;
    }

    private static long encode(TextTokenizer tokenizer, String text) {
        try {
            long n = 0;
            for (var window : tokenizer.encode(text)) {
                n += window.inputIds().length;
            }
            return n;
        } catch (TokenizationException e) {
            return 0;
        }
    }
}

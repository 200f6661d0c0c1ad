package io.streamprep.jobs.cluster;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records to Kafka in the background at a steady rate (a batch every {@value #TICK_MS} ms),
 * in order, with an idempotent producer and {@code acks=all}, so every record lands exactly once at
 * the offset its position predicts. It can hold back the last records until {@link #release()}, so
 * that whatever happens meanwhile is sure to happen while input is still arriving. {@link #done()}
 * completes when all are acknowledged, or exceptionally on the first send error. {@link #close()}
 * stops early and closes the producer.
 */
final class PacedProducer implements AutoCloseable {

    private static final long TICK_MS = 100;

    private final List<ProducerRecord<byte[], byte[]>> records;
    private final int perTick;
    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "paced-producer"));
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger limit = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private PacedProducer(
            Properties client, List<ProducerRecord<byte[], byte[]>> records, int perSecond) {
        this.records = records;
        this.perTick = (int) Math.max(1, perSecond * TICK_MS / 1000);
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        this.producer =
                new KafkaProducer<>(
                        properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Starts sending {@code records} at about {@code perSecond}, pausing before the last {@code
     * holdBack} of them until {@link #release()}.
     */
    static PacedProducer start(
            Properties client,
            List<ProducerRecord<byte[], byte[]>> records,
            int perSecond,
            int holdBack) {
        PacedProducer feeder = new PacedProducer(client, records, perSecond);
        feeder.limit.set(records.size() - holdBack);
        feeder.scheduler.scheduleAtFixedRate(feeder::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        return feeder;
    }

    /** How many records were handed to the producer so far. */
    int sent() {
        return sent.get();
    }

    int total() {
        return records.size();
    }

    /** Lets the held-back records go. */
    void release() {
        limit.set(records.size());
    }

    /** Completes when every record is acknowledged. */
    CompletableFuture<Void> done() {
        return done;
    }

    private void tick() {
        if (done.isDone()) {
            return;
        }
        int from = sent.get();
        int to = Math.min(limit.get(), from + perTick);
        for (int i = from; i < to; i++) {
            producer.send(
                    records.get(i),
                    (metadata, error) -> {
                        if (error != null) {
                            done.completeExceptionally(error);
                        }
                    });
        }
        sent.set(to);
        if (to == records.size()) {
            producer.flush();
            done.complete(null);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        done.completeExceptionally(new IllegalStateException("closed before all were sent"));
    }
}

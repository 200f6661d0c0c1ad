package io.streamprep.jobs.testing;

import java.time.Duration;
import java.util.List;

/**
 * Checks that Kafka producers were closed: every open {@code KafkaProducer} owns one thread named
 * {@value #PRODUCER_NETWORK_THREAD}..., which ends when the producer is closed.
 */
public final class KafkaThreads {

    /** The name prefix of a Kafka producer's I/O thread. */
    public static final String PRODUCER_NETWORK_THREAD = "kafka-producer-network-thread";

    /** How long {@link #assertNoProducerThreadsLeaked()} lets producers finish closing. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private KafkaThreads() {}

    /** The live producer network threads of this JVM. */
    public static List<Thread> producerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(PRODUCER_NETWORK_THREAD))
                .toList();
    }

    /** {@link #assertNoProducerThreadsLeaked(Duration)} with {@link #DEFAULT_GRACE}. */
    public static void assertNoProducerThreadsLeaked() {
        assertNoProducerThreadsLeaked(DEFAULT_GRACE);
    }

    /**
     * Waits up to {@code grace} for producer network threads to end (a producer closed
     * asynchronously, e.g. by a finishing Flink task, may still be shutting down), then fails
     * naming those still alive.
     *
     * @throws AssertionError if a producer thread is still alive after the grace period
     */
    public static void assertNoProducerThreadsLeaked(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : producerThreads()) {
            long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                thread.join(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
            }
        }
        List<String> leaked = producerThreads().stream().map(Thread::getName).toList();
        if (!leaked.isEmpty()) {
            throw new AssertionError(
                    "Kafka producers were not closed; their threads are still alive after "
                            + grace.toMillis()
                            + " ms: "
                            + leaked);
        }
    }
}

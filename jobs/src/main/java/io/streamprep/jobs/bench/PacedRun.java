package io.streamprep.jobs.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs the text pipeline on an unbounded topic fed at a fixed rate, and measures, for every source
 * record, the time from just before the producer sent it to when a consumer of the training topics
 * received its first training record (both clocks are this JVM's). Records sent during the warm-up
 * are not measured. Optionally samples the used heap after a full GC at a fixed period (soak).
 *
 * <p>The input records are the corpus's, in an order that mixes short and long records evenly
 * ({@link BenchCorpus#mixed}), so the load per second is the same throughout; past the corpus's end
 * they repeat with a cycle marker appended to id and text, so they are new records, not duplicates.
 */
final class PacedRun {

    /** Flink's thread group of task threads: a task's state is released when its thread ends. */
    private static final String TASK_THREADS = "Flink Task Threads";

    /** How long to wait for the last records after the producer stops. */
    private static final Duration DRAIN = Duration.ofSeconds(15);

    /**
     * A sent record with no training record after this long is given up. Duplicates and near
     * duplicates never produce one, and in a soak, where the corpus repeats within the near-dedup
     * window, most records are near duplicates: kept, their send times grew this JVM's heap by tens
     * of MB a minute, which the soak then reported as the pipeline's.
     */
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    /**
     * @param latencies of the measured source records that came out
     * @param timeline the same latencies per second of sending
     * @param measuredFrom epoch ms when the measured span began (second 0 of the timeline)
     * @param measuredTo epoch ms when it ended
     * @param sent records sent during the measured span (warm-up included, drain excluded)
     * @param achievedRate records sent per second over that span
     * @param heapSamples (seconds since start, MB used after GC), empty unless sampling was asked
     */
    record Result(
            LatencyHistogram latencies,
            LatencyTimeline timeline,
            long measuredFrom,
            long measuredTo,
            long sent,
            double achievedRate,
            List<double[]> heapSamples) {}

    private PacedRun() {}

    static Result run(
            PipelineConfig config,
            BenchTopics topics,
            BenchCorpus corpus,
            String inputTopic,
            List<String> outputTopics,
            int partitions,
            double rate,
            Duration duration,
            Duration warmUp,
            Duration heapEvery,
            PrintStream log)
            throws Exception {
        Map<String, Long> pending = new ConcurrentHashMap<>();
        LatencyHistogram latencies = new LatencyHistogram();
        List<double[]> heap = java.util.Collections.synchronizedList(new ArrayList<>());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(topics.consumerProperties());
        List<TopicPartition> assigned = new ArrayList<>();
        for (String topic : outputTopics) {
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
        }
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(consumer::position);

        // The earlier phases' jobs leave their state and buffers in the old generation, where only
        // a concurrent G1 cycle would find them dead: one fell in the measured span of a run with
        // 1.0-1.2 GB of old generation against this job's few hundred MB, and its remark and mixed
        // pauses were the run's slowest second (BENCHMARKS.md). A full GC first, so that the job
        // is measured on a heap holding what a TaskManager running it alone would hold.
        double liveMb = HeapSampler.liveAfterFullGc() / 1e6;
        log.printf(
                Locale.ROOT,
                "streamprep bench: %.0f MB of heap live after a full GC, before the paced job%n",
                liveMb);
        Set<Thread> otherTasks = taskThreads();
        JobClient job = BenchJobs.startPipeline(config);
        long start = System.currentTimeMillis();
        long measureFrom = start + warmUp.toMillis();
        LatencyTimeline timeline =
                new LatencyTimeline(
                        measureFrom, (int) duration.toSeconds() + 1, BenchResults.TARGET_P99_MS);
        Thread receiver =
                new Thread(
                        () -> receive(consumer, pending, latencies, timeline, measureFrom),
                        "bench-latency-consumer");
        receiver.setDaemon(true);
        receiver.start();
        Thread sampler = null;
        if (!heapEvery.isZero()) {
            sampler = heapSampler(heap, start, heapEvery, log);
        }

        long sent = 0;
        long givenUp = 0;
        long nextGiveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        long nanosPerRecord = (long) (1e9 / rate);
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        long drainEnd = end + DRAIN.toNanos();
        double seconds = 0;
        long sentInSpan = 0;
        long measuredTo = 0;
        try (KafkaProducer<byte[], byte[]> producer = topics.producer()) {
            // After the measured span the stream goes on unmeasured until the last measured record
            // is out: event-time stages only release records once later records move the
            // watermark, as in a live deployment.
            while (true) {
                long now = System.nanoTime();
                if (now >= end && seconds == 0) {
                    seconds = (now - begin) / 1e9;
                    sentInSpan = sent;
                    measuredTo = System.currentTimeMillis();
                }
                if (now >= end && (pending.isEmpty() || now >= drainEnd)) {
                    break;
                }
                if (now >= nextGiveUp) {
                    givenUp += giveUp(pending, System.currentTimeMillis() - GIVE_UP.toMillis());
                    nextGiveUp = now + TimeUnit.SECONDS.toNanos(1);
                }
                long due = begin + sent * nanosPerRecord;
                long wait = due - now;
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int i = corpus.mixed((int) (sent % corpus.size()));
                int cycle = (int) (sent / corpus.size());
                long millis = System.currentTimeMillis();
                String id = corpus.id(i, cycle);
                if (millis >= measureFrom && System.nanoTime() < end) {
                    pending.put(id, millis);
                }
                producer.send(
                        new ProducerRecord<>(
                                inputTopic,
                                (int) (sent % partitions),
                                millis,
                                null,
                                corpus.value(i, millis, cycle)));
                sent++;
            }
        }
        if (!pending.isEmpty() || givenUp > 0) {
            log.printf(
                    Locale.ROOT,
                    "streamprep bench: %,d measured records produced no training record (duplicates,"
                            + " dead letters, or none within %d s of sending or %d s after the"
                            + " last)%n",
                    pending.size() + givenUp,
                    GIVE_UP.toSeconds(),
                    DRAIN.toSeconds());
        }
        if (sampler != null) {
            sampler.interrupt();
            sampler.join();
        }
        receiver.interrupt();
        receiver.join();
        consumer.close();
        job.cancel().get(1, TimeUnit.MINUTES);
        if (!awaitTasksEnded(otherTasks, Duration.ofSeconds(30))) {
            log.println(
                    "streamprep bench: the paced job's tasks were still running 30 s after it was"
                            + " cancelled");
        }
        synchronized (heap) {
            return new Result(
                    latencies,
                    timeline,
                    measureFrom,
                    measuredTo,
                    sentInSpan,
                    sentInSpan / seconds,
                    List.copyOf(heap));
        }
    }

    /**
     * Waits until the task threads that the job started have ended, so that its state is garbage
     * when the next phase starts; at most {@code timeout}. A cancelled job's cluster stops
     * answering before its tasks have finished: a full GC right then still found a stopped paced
     * job's 300 MB of state live.
     *
     * @param otherTasks task threads that were running before the job started (other jobs in this
     *     JVM, as in a test), which are not waited for
     * @return whether the job's task threads ended in time
     */
    private static boolean awaitTasksEnded(Set<Thread> otherTasks, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!otherTasks.containsAll(taskThreads())) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The live threads of Flink tasks in this JVM. */
    private static Set<Thread> taskThreads() {
        Set<Thread> tasks = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ThreadGroup group = thread.getThreadGroup();
            if (thread.isAlive() && group != null && TASK_THREADS.equals(group.getName())) {
                tasks.add(thread);
            }
        }
        return tasks;
    }

    /** Removes the entries sent before {@code cutoff} (epoch millis); returns how many. */
    static int giveUp(Map<String, Long> pending, long cutoff) {
        int removed = 0;
        for (var it = pending.values().iterator(); it.hasNext(); ) {
            if (it.next() < cutoff) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    private static void receive(
            KafkaConsumer<byte[], byte[]> consumer,
            Map<String, Long> pending,
            LatencyHistogram latencies,
            LatencyTimeline timeline,
            long measureFrom) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    String source = sourceId(record.value());
                    Long sentAt = source == null ? null : pending.remove(source);
                    if (sentAt != null && sentAt >= measureFrom) {
                        latencies.record(now - sentAt);
                        timeline.record(sentAt, now - sentAt);
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                return;
            }
        }
    }

    /**
     * The {@code source_id} of a training record, read with a streaming parser that stops there: it
     * is the second field, and parsing whole records (token ids and all) in this JVM took CPU from
     * the pipeline being measured.
     */
    static String sourceId(byte[] value) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("source_id".equals(field)) {
                    return token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Thread heapSampler(
            List<double[]> samples, long start, Duration every, PrintStream log) {
        Thread thread =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                try {
                                    Thread.sleep(every.toMillis());
                                } catch (InterruptedException e) {
                                    return;
                                }
                                double seconds = (System.currentTimeMillis() - start) / 1e3;
                                double mb = HeapSampler.usedAfterGc() / 1e6;
                                samples.add(new double[] {seconds, mb});
                                log.printf(
                                        Locale.ROOT,
                                        "streamprep bench: soak %.0f s, heap after GC %.1f MB%n",
                                        seconds,
                                        mb);
                            }
                        },
                        "bench-soak-heap");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

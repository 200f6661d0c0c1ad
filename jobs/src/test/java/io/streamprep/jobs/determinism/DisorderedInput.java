package io.streamprep.jobs.determinism;

import io.streamprep.jobs.corpus.WordNetCorpus;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.operators.parse.EventTimes;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A real corpus with real duplicates and disorder for determinism tests, always the same: the
 * shipped sample (bad lines and hand-made duplicates included), a few thousand further WordNet 3.1
 * definitions, and extra exact copies of some of them under new ids.
 *
 * <p>Every record has a <em>sending</em> position that differs from its event time by at most
 * {@link #MAX_JITTER} either way, so within any partition event time never goes back by more than
 * twice that: inside the pipeline's out-of-orderness bound, where the winner among copies must not
 * depend on arrival. Copies are made so that arrival order and (event time, id) order disagree:
 *
 * <ul>
 *   <li>copies with the <em>same</em> event time, arriving after the original, with ids sorting
 *       before it ({@code copy-...} &lt; {@code wn31-...}: the late copy must win the tie) or after
 *       it ({@code x-copy-...});
 *   <li>copies a few seconds <em>earlier</em> that arrive after the original (they must win);
 *   <li>copies a few seconds <em>later</em> that arrive before it (the original must win);
 *   <li>copies further away than the dedup window (they are kept again).
 * </ul>
 *
 * <p>Every copy goes to another partition than its original. Records reach Kafka with an explicit
 * partition through a non-transactional producer, so offsets are 0, 1, 2, ... in sending order in
 * every partition and every topic fed the same way holds the same records at the same positions.
 * Their Kafka record time is the producer's clock, as when a corpus is replayed into Kafka: far
 * ahead of the 2025 {@code ts} values, and different in every topic.
 */
final class DisorderedInput {

    static final int PARTITIONS = 4;

    /** How far a record's sending position may be from its event time, either way. */
    static final Duration MAX_JITTER = Duration.ofSeconds(10);

    /** The dedup window the far copies are placed beyond. */
    static final Duration DEDUP_WINDOW = Duration.ofMinutes(5);

    private static final int EXTRA_WORDNET = 3_000;
    private static final int COPY_EVERY = 8;
    private static final long EXTRA_STEP_MS = 677;
    private static final long SEED = 20_250_101L;

    /**
     * One input record.
     *
     * @param value the bytes sent
     * @param eventTime its {@code ts}; for a sample line without a valid one, its place in the
     *     sample's time order
     * @param partition the Kafka partition
     * @param offset its offset in that partition
     * @param sendOrder its position in the overall sending order
     */
    record Entry(byte[] value, long eventTime, int partition, long offset, int sendOrder) {

        /** The source position the pipeline gives this record when read from {@code topic}. */
        String position(String topic) {
            return "kafka:" + topic + "-" + partition + "@" + offset;
        }

        /** The record as the source delivers it, but without the Kafka record time. */
        RawRecord raw(String topic) {
            return new RawRecord(value, value.length, position(topic), RawRecord.NO_TIMESTAMP);
        }
    }

    private final List<Entry> entries;
    private final long[] partitionSizes;
    private final int copies;

    private DisorderedInput(List<Entry> entries, int copies) {
        this.entries = List.copyOf(entries);
        this.copies = copies;
        this.partitionSizes = new long[PARTITIONS];
        for (Entry e : entries) {
            partitionSizes[e.partition()]++;
        }
    }

    /** Builds the corpus; the same on every call. */
    static DisorderedInput build() {
        Random random = new Random(SEED);
        List<Pending> pending = new ArrayList<>();
        Set<String> sampleIds = new HashSet<>();
        List<byte[]> lines = SampleData.lines();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            long lineTime = WordNetCorpus.BASE_TS + i * WordNetCorpus.TS_STEP_MS;
            long ts = EventTimes.of(new RawRecord(line, line.length, "", lineTime));
            pending.add(Pending.jittered(line, ts == EventTimes.NONE ? lineTime : ts, random));
            idOf(line, sampleIds);
        }
        List<TextRecord> extra = extraWordNet(sampleIds);
        int copies = 0;
        for (int i = 0; i < extra.size(); i++) {
            TextRecord w = extra.get(i);
            long ts = WordNetCorpus.BASE_TS + i * EXTRA_STEP_MS;
            TextRecord original = new TextRecord(w.id(), ts, w.text(), w.label(), w.meta());
            if (i % COPY_EVERY != 3) {
                pending.add(Pending.jittered(Json.toBytes(original), ts, random));
                continue;
            }
            int group = i / COPY_EVERY;
            Pending first = new Pending(Json.toBytes(original), ts, ts, random.nextInt(PARTITIONS));
            pending.add(first);
            for (int k = 0; k < 1 + group % 3; k++) {
                pending.add(copyOf(original, first, group, k, random));
                copies++;
            }
        }
        return new DisorderedInput(assignOffsets(pending, random), copies);
    }

    /** Every record in sending order. */
    List<Entry> entries() {
        return entries;
    }

    /** How many extra copies were made. */
    int copies() {
        return copies;
    }

    /** The number of records in each partition: the end offsets of a topic fed completely. */
    long[] partitionSizes() {
        return partitionSizes.clone();
    }

    /** The largest step back in event time within any partition, in sending order. */
    long maxDisorderMillis() {
        long worst = 0;
        long[] maxSeen = new long[PARTITIONS];
        Arrays.fill(maxSeen, Long.MIN_VALUE);
        for (Entry e : entries) {
            int p = e.partition();
            if (maxSeen[p] != Long.MIN_VALUE) {
                worst = Math.max(worst, maxSeen[p] - e.eventTime());
            }
            maxSeen[p] = Math.max(maxSeen[p], e.eventTime());
        }
        return worst;
    }

    /**
     * The {@code source.kafka.stop} value that ends a job exactly after the whole input, whether or
     * not all of it has been sent when the job starts.
     */
    String stopAtEnd() {
        StringJoiner offsets = new StringJoiner(",", "offsets:", "");
        for (int p = 0; p < PARTITIONS; p++) {
            offsets.add(p + "=" + partitionSizes[p]);
        }
        return offsets.toString();
    }

    /**
     * The records of one slice of every partition, for feeding a topic progressively: those whose
     * offset lies in {@code [from, to)} times the partition's size.
     */
    List<ProducerRecord<byte[], byte[]>> slice(String topic, double from, double to) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (Entry e : entries) {
            long size = partitionSizes[e.partition()];
            if (e.offset() >= (long) (from * size) && e.offset() < (long) (to * size)) {
                out.add(new ProducerRecord<>(topic, e.partition(), null, e.value()));
            }
        }
        return out;
    }

    /** The offsets one past the end of a slice, per partition. */
    long[] sliceEnd(double to) {
        long[] end = new long[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            end[p] = (long) (to * partitionSizes[p]);
        }
        return end;
    }

    private static Pending copyOf(
            TextRecord original, Pending first, int group, int k, Random random) {
        String id = (k % 2 == 0 ? "copy-" : "x-copy-") + k + "-" + original.id();
        long jitter = MAX_JITTER.toMillis();
        long ts;
        long sendAt;
        switch ((group + k) % 4) {
            case 0 -> {
                ts = first.eventTime;
                sendAt = first.sendAt + 1 + random.nextInt((int) jitter / 2);
            }
            case 1 -> {
                ts = first.eventTime - 1_000 - random.nextInt((int) jitter - 2_000);
                sendAt = first.sendAt + 1;
            }
            case 2 -> {
                ts = first.eventTime + 1_000 + random.nextInt((int) jitter - 2_000);
                sendAt = first.sendAt - 1;
            }
            default -> {
                ts = first.eventTime + DEDUP_WINDOW.toMillis() + 1 + random.nextInt(120_000);
                sendAt = ts + random.nextInt((int) (2 * jitter + 1)) - jitter;
            }
        }
        TextRecord copy =
                new TextRecord(id, ts, original.text(), original.label(), original.meta());
        int partition = (first.partition + k + 1) % PARTITIONS;
        return new Pending(Json.toBytes(copy), ts, sendAt, partition);
    }

    private static List<TextRecord> extraWordNet(Set<String> sampleIds) {
        List<String> labels = List.of(SampleData.LABELS.split(";"));
        List<TextRecord> extra = new ArrayList<>();
        WordNetCorpus.forEach(
                WordNetCorpus.Options.all()
                        .withLabels(labels)
                        .withLimit(EXTRA_WORDNET + sampleIds.size()),
                record -> {
                    if (extra.size() < EXTRA_WORDNET && !sampleIds.contains(record.id())) {
                        extra.add(record);
                    }
                });
        return extra;
    }

    private static void idOf(byte[] line, Set<String> ids) {
        try {
            ids.add(Json.fromBytes(line, TextRecord.class).id());
        } catch (RuntimeException e) {
            // A bad sample line: it has no usable id, and the pipeline dead-letters it.
        }
    }

    private static List<Entry> assignOffsets(List<Pending> pending, Random random) {
        List<Pending> order = new ArrayList<>(pending);
        for (int i = 0; i < order.size(); i++) {
            order.get(i).tiebreak = i;
            if (order.get(i).partition < 0) {
                order.get(i).partition = random.nextInt(PARTITIONS);
            }
        }
        order.sort(
                Comparator.comparingLong((Pending p) -> p.sendAt)
                        .thenComparingInt(p -> p.tiebreak));
        long[] next = new long[PARTITIONS];
        List<Entry> entries = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Pending p = order.get(i);
            entries.add(new Entry(p.value, p.eventTime, p.partition, next[p.partition]++, i));
        }
        return entries;
    }

    /** A record before its place in the sending order is fixed. */
    private static final class Pending {
        final byte[] value;
        final long eventTime;
        final long sendAt;
        int partition;
        int tiebreak;

        Pending(byte[] value, long eventTime, long sendAt, int partition) {
            this.value = value;
            this.eventTime = eventTime;
            this.sendAt = sendAt;
            this.partition = partition;
        }

        static Pending jittered(byte[] value, long eventTime, Random random) {
            long jitter = MAX_JITTER.toMillis();
            long sendAt = eventTime + random.nextInt((int) (2 * jitter + 1)) - jitter;
            return new Pending(value, eventTime, sendAt, -1);
        }
    }
}

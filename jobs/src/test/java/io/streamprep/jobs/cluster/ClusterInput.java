package io.streamprep.jobs.cluster;

import io.streamprep.jobs.corpus.WordNetCorpus;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A deterministic input topic for the cluster tests: real WordNet 3.1 records with injected exact
 * duplicates (a copy of a record shortly before, under a new id) and bad lines of eight kinds, one
 * line each, in a fixed order.
 *
 * <p>Line {@code i} gets event time {@link WordNetCorpus#BASE_TS} {@code + i} seconds (also as its
 * Kafka timestamp, so lines the parser cannot read have the same time) and goes to partition {@code
 * i % partitions}. Event time therefore rises within every partition, no record is ever late, and
 * which copy of a text is kept does not depend on timing: a correct pipeline produces the same
 * output however it is scheduled, restarted or rescaled. Because the producer is idempotent and not
 * transactional, each line's offset is known before it is sent.
 */
final class ClusterInput {

    /** What a line is and what the pipeline must do with it. */
    enum Kind {
        /** A WordNet record: kept (training records) or, if its text repeats, a duplicate. */
        WORDNET,
        /** An injected copy of an earlier WordNet record: must be reported as a duplicate. */
        DUPLICATE,
        /** A line the pipeline must dead-letter with {@link Line#reason()}. */
        BAD
    }

    /**
     * One input line.
     *
     * @param partition its partition
     * @param offset its offset in the partition
     * @param value its bytes
     * @param timestamp its event time and Kafka timestamp
     * @param kind what it is
     * @param id its record id, or null when it has none
     * @param text its text (WordNet and duplicates), else null
     * @param reason the expected dead-letter reason code (bad lines), else null
     */
    record Line(
            int partition,
            long offset,
            byte[] value,
            long timestamp,
            Kind kind,
            String id,
            String text,
            String reason) {}

    private static final int DUPLICATE_EVERY = 200;
    private static final int BAD_EVERY = 1_000;

    private final String topic;
    private final int partitions;
    private final List<Line> lines = new ArrayList<>();
    private final long[] nextOffset;
    private final List<TextRecord> wordNet = new ArrayList<>();

    private ClusterInput(String topic, int partitions) {
        this.topic = topic;
        this.partitions = partitions;
        this.nextOffset = new long[partitions];
    }

    /**
     * The first {@code wordNetRecords} WordNet records, plus one duplicate per {@value
     * #DUPLICATE_EVERY} and one bad line per {@value #BAD_EVERY} of them.
     */
    static ClusterInput create(String topic, int partitions, int wordNetRecords) {
        ClusterInput input = new ClusterInput(topic, partitions);
        WordNetCorpus.forEach(
                WordNetCorpus.Options.all().withLimit(wordNetRecords), input.wordNet::add);
        for (int i = 0; i < input.wordNet.size(); i++) {
            TextRecord record = input.wordNet.get(i);
            input.add(
                    ts -> record(record.id(), ts, record.text(), record.label()),
                    Kind.WORDNET,
                    record.id(),
                    record.text(),
                    null);
            if (i % DUPLICATE_EVERY == DUPLICATE_EVERY - 1) {
                TextRecord original = input.wordNet.get(i - 1 - (i / DUPLICATE_EVERY) % 97);
                String id = "dup-" + i + "-of-" + original.id();
                input.add(
                        ts -> record(id, ts, original.text(), original.label()),
                        Kind.DUPLICATE,
                        id,
                        original.text(),
                        null);
            }
            if (i % BAD_EVERY == BAD_EVERY / 2) {
                input.addBad(i / BAD_EVERY);
            }
        }
        return input;
    }

    String topic() {
        return topic;
    }

    int partitions() {
        return partitions;
    }

    List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** The Kafka record of a line: explicit partition and timestamp, no key. */
    ProducerRecord<byte[], byte[]> record(Line line) {
        return new ProducerRecord<>(topic, line.partition(), line.timestamp(), null, line.value());
    }

    /** The source position the pipeline reports for a line, e.g. {@code kafka:in-2@17}. */
    String position(Line line) {
        return "kafka:" + topic + "-" + line.partition() + "@" + line.offset();
    }

    /** The end offset of every partition once all lines are in. */
    long[] endOffsets() {
        return nextOffset.clone();
    }

    /** A {@code source.kafka.stop} value that ends the job after the lines of {@code first}. */
    String stopAfter(int first) {
        long[] ends = new long[partitions];
        for (Line line : lines.subList(0, first)) {
            ends[line.partition()] = line.offset() + 1;
        }
        StringJoiner offsets = new StringJoiner(",", "offsets:", "");
        for (int p = 0; p < partitions; p++) {
            offsets.add(p + "=" + ends[p]);
        }
        return offsets.toString();
    }

    /** A {@code source.kafka.stop} value that ends the job after the last line. */
    String stopAtEnd() {
        return stopAfter(lines.size());
    }

    private void add(
            LongFunction<byte[]> render, Kind kind, String id, String text, String reason) {
        int seq = lines.size();
        int partition = seq % partitions;
        long timestamp = WordNetCorpus.BASE_TS + seq * WordNetCorpus.TS_STEP_MS;
        lines.add(
                new Line(
                        partition,
                        nextOffset[partition]++,
                        render.apply(timestamp),
                        timestamp,
                        kind,
                        id,
                        text,
                        reason));
    }

    private void addBad(int n) {
        String id = "bad-" + n;
        switch (n % 8) {
            case 0 ->
                    addBad(
                            RejectReason.NOT_JSON,
                            null,
                            ts ->
                                    utf8(
                                            "{\"id\":\""
                                                    + id
                                                    + "\",\"ts\":"
                                                    + ts
                                                    + ",\"text\":\"cut off in the mid"));
            case 1 ->
                    addBad(
                            RejectReason.NOT_OBJECT,
                            null,
                            ts -> utf8("[\"" + id + "\"," + ts + ",\"an array is no record\"]"));
            case 2 ->
                    addBad(
                            RejectReason.MISSING_ID,
                            null,
                            ts -> utf8("{\"ts\":" + ts + ",\"text\":\"a record without an id\"}"));
            case 3 -> addBad(RejectReason.EMPTY_TEXT, id, ts -> record(id, ts, "", "noun.plant"));
            case 4 ->
                    addBad(
                            RejectReason.WRONG_TYPE,
                            id,
                            ts ->
                                    utf8(
                                            String.format(
                                                    Locale.ROOT,
                                                    "{\"id\":\"%s\",\"ts\":%d,\"text\":{\"en\":\"an object\"}}",
                                                    id,
                                                    ts)));
            case 5 -> addBad(RejectReason.INVALID_UTF8, null, ts -> invalidUtf8(id, ts));
            case 6 ->
                    addBad(
                            RejectReason.UNKNOWN_LABEL,
                            id,
                            ts ->
                                    record(
                                            id,
                                            ts,
                                            "a person who trains circus animals",
                                            "noun.unicorn"));
            default ->
                    addBad(
                            RejectReason.EMPTY_AFTER_NORMALIZATION,
                            id,
                            ts -> record(id, ts, "<p> </p>", "noun.plant"));
        }
    }

    private void addBad(RejectReason reason, String id, LongFunction<byte[]> render) {
        add(render, Kind.BAD, id, null, reason.code());
    }

    private static byte[] record(String id, long ts, String text, String label) {
        return Json.toBytes(new TextRecord(id, ts, text, label, null));
    }

    private static byte[] invalidUtf8(String id, long ts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"id\":\"" + id + "\",\"ts\":" + ts + ",\"text\":\"caf"));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(utf8(" au lait\",\"label\":\"noun.food\"}"));
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

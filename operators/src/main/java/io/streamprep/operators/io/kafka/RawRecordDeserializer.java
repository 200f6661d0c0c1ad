package io.streamprep.operators.io.kafka;

import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.records.RawRecord;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns every Kafka record into exactly one {@link RawRecord}, without decoding or validating it.
 *
 * <ul>
 *   <li>The position is {@code kafka:<topic>-<partition>@<offset>}, unique per record and stable
 *       across replays.
 *   <li>The source timestamp is the Kafka record timestamp, or {@link RawRecord#NO_TIMESTAMP} when
 *       the record has none.
 *   <li>A value longer than the configured limit is cut to the limit and keeps its real length in
 *       {@link RawRecord#originalLength()}; the parse stage dead-letters it as {@code
 *       record_too_large}.
 *   <li>A null value (a compaction tombstone) becomes an empty value with original length 0, so it
 *       is dead-lettered with its position instead of vanishing silently.
 *   <li>The key and headers are ignored: the record id comes from the value.
 * </ul>
 *
 * <p>It never throws for any content: all judgement is the parse stage's. The Kafka consumer has
 * already read the full value into memory; the cut only bounds what flows further down the pipeline
 * and into state.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;

    private static final byte[] EMPTY = new byte[0];

    private final int maxRecordBytes;

    /**
     * @param maxRecordBytes values longer than this are cut to it
     * @throws IllegalArgumentException if {@code maxRecordBytes} is not positive
     */
    public RawRecordDeserializer(int maxRecordBytes) {
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException(
                    SourceOptions.MAX_RECORD_BYTES.key()
                            + " must be positive, but is "
                            + maxRecordBytes
                            + " bytes");
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /** A deserializer with the limit of {@link SourceOptions#MAX_RECORD_BYTES}. */
    public static RawRecordDeserializer fromConfig(ReadableConfig config) {
        long bytes = config.get(SourceOptions.MAX_RECORD_BYTES).getBytes();
        // No Kafka record can exceed an array's length, so a larger limit means "no cut".
        return new RawRecordDeserializer((int) Math.min(bytes, Integer.MAX_VALUE));
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        byte[] value = record.value() == null ? EMPTY : record.value();
        byte[] kept = value.length > maxRecordBytes ? Arrays.copyOf(value, maxRecordBytes) : value;
        out.collect(new RawRecord(kept, value.length, positionOf(record), timestampOf(record)));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }

    /** The position string of a Kafka record: {@code kafka:<topic>-<partition>@<offset>}. */
    public static String positionOf(ConsumerRecord<?, ?> record) {
        return "kafka:" + record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static long timestampOf(ConsumerRecord<?, ?> record) {
        return record.timestamp() == ConsumerRecord.NO_TIMESTAMP
                ? RawRecord.NO_TIMESTAMP
                : record.timestamp();
    }
}

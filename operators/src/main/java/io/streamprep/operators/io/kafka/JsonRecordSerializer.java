package io.streamprep.operators.io.kafka;

import io.streamprep.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.TopicSelector;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes any record as one Kafka record: the value is {@link Json#toBytes(Object)}, the key is the
 * record's id in UTF-8, the topic is chosen per record.
 *
 * <p>Key and value bytes depend only on the record, so a replay writes byte-identical records, and
 * the producer's default partitioner places equal keys in the same partition. A record whose id
 * function returns {@code null} is written without a key (partition chosen by the producer). No
 * timestamp is set: the producer stamps the write time, so topic retention counts from when the
 * record was written, not from its possibly much older event time.
 *
 * <p>Exceptions from the id function, the topic selector or JSON serialization propagate and fail
 * the sink: they are programming errors, not bad input.
 *
 * @param <T> the record type
 */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final SerializableFunction<T, String> idOf;
    private final TopicSelector<T> topicOf;

    /**
     * @param idOf the record's key; may return {@code null} for no key
     * @param topicOf the topic of each record; must not return {@code null}
     */
    public JsonRecordSerializer(SerializableFunction<T, String> idOf, TopicSelector<T> topicOf) {
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.topicOf = Objects.requireNonNull(topicOf, "topicOf");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T record, KafkaSinkContext context, Long timestamp) {
        // The message is built only on failure: records' toString is not free, and this runs per
        // record.
        String topic =
                Objects.requireNonNull(topicOf.apply(record), () -> "no topic for " + record);
        String id = idOf.apply(record);
        byte[] key = id == null ? null : id.getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, key, Json.toBytes(record));
    }
}

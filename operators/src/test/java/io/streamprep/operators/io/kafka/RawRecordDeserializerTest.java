package io.streamprep.operators.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.records.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RawRecordDeserializerTest {

    private static final long TS = 1_700_000_000_123L;

    @Test
    void keepsBytesAndDescribesWhereTheRecordCameFrom() throws Exception {
        byte[] value = "{\"id\":\"a\",\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

        RawRecord raw = deserialize(new RawRecordDeserializer(1024), record("in", 3, 42, value));

        assertThat(raw.value()).isEqualTo(value);
        assertThat(raw.originalLength()).isEqualTo(value.length);
        assertThat(raw.truncated()).isFalse();
        assertThat(raw.position()).isEqualTo("kafka:in-3@42");
        assertThat(raw.sourceTimestamp()).isEqualTo(TS);
    }

    @Test
    void cutsOversizedValuesAndKeepsTheRealLength() throws Exception {
        byte[] value = new byte[100];
        new SplittableRandom(7).nextBytes(value);

        RawRecord raw = deserialize(new RawRecordDeserializer(10), record("in", 0, 0, value));

        assertThat(raw.value()).containsExactly(Arrays.copyOf(value, 10));
        assertThat(raw.originalLength()).isEqualTo(100);
        assertThat(raw.truncated()).isTrue();
    }

    @Test
    void aValueOfExactlyTheLimitIsNotCut() throws Exception {
        byte[] value = new byte[10];

        RawRecord raw = deserialize(new RawRecordDeserializer(10), record("in", 0, 0, value));

        assertThat(raw.truncated()).isFalse();
        assertThat(raw.value()).hasSize(10);
    }

    @Test
    void aTombstoneBecomesAnEmptyRecordWithItsPosition() throws Exception {
        RawRecord raw = deserialize(new RawRecordDeserializer(10), record("in", 1, 5, null));

        assertThat(raw.value()).isEmpty();
        assertThat(raw.originalLength()).isZero();
        assertThat(raw.position()).isEqualTo("kafka:in-1@5");
    }

    @Test
    void aRecordWithoutTimestampGetsTheNoTimestampMarker() throws Exception {
        ConsumerRecord<byte[], byte[]> noTimestamp =
                new ConsumerRecord<>("in", 0, 9, new byte[0], new byte[] {1});

        RawRecord raw = deserialize(new RawRecordDeserializer(10), noTimestamp);

        assertThat(raw.sourceTimestamp()).isEqualTo(RawRecord.NO_TIMESTAMP);
    }

    @Test
    void neverThrowsOnArbitraryBytes() throws Exception {
        RawRecordDeserializer deserializer = new RawRecordDeserializer(64);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            byte[] value = new byte[random.nextInt(128)];
            random.nextBytes(value);

            RawRecord raw = deserialize(deserializer, record("t", 0, i, value));

            assertThat(raw.originalLength()).isEqualTo(value.length);
            assertThat(raw.value()).hasSize(Math.min(64, value.length));
        }
    }

    @Test
    void readsTheLimitFromConfiguration() throws Exception {
        Configuration config = new Configuration();
        config.set(SourceOptions.MAX_RECORD_BYTES, MemorySize.parse("4b"));

        RawRecord raw =
                deserialize(
                        RawRecordDeserializer.fromConfig(config),
                        record("in", 0, 0, new byte[] {1, 2, 3, 4, 5}));

        assertThat(raw.value()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aHugeConfiguredLimitMeansNoCut() throws Exception {
        Configuration config = new Configuration();
        config.set(SourceOptions.MAX_RECORD_BYTES, MemorySize.parse("8gb"));

        RawRecord raw =
                deserialize(
                        RawRecordDeserializer.fromConfig(config),
                        record("in", 0, 0, new byte[1000]));

        assertThat(raw.truncated()).isFalse();
    }

    @Test
    void rejectsANonPositiveLimitNamingTheOption() {
        assertThatThrownBy(() -> new RawRecordDeserializer(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SourceOptions.MAX_RECORD_BYTES.key());
    }

    @Test
    void producesAFlinkSerializableTypeWithoutKryo() throws Exception {
        RawRecordDeserializer deserializer = InstantiationUtil.clone(new RawRecordDeserializer(10));
        assertThat(deserializer.getProducedType()).isNotInstanceOf(GenericTypeInfo.class);

        RawRecord raw = deserialize(deserializer, record("in", 2, 7, new byte[] {1, 2, 3}));
        TypeSerializer<RawRecord> serializer =
                deserializer.getProducedType().createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(raw, out);

        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .isEqualTo(raw);
    }

    private static RawRecord deserialize(
            RawRecordDeserializer deserializer, ConsumerRecord<byte[], byte[]> record)
            throws Exception {
        List<RawRecord> out = new ArrayList<>();
        deserializer.deserialize(record, new ListCollector<>(out));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static ConsumerRecord<byte[], byte[]> record(
            String topic, int partition, long offset, byte[] value) {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                TS,
                TimestampType.CREATE_TIME,
                0,
                value == null ? -1 : value.length,
                null,
                value,
                new RecordHeaders(),
                Optional.empty());
    }
}

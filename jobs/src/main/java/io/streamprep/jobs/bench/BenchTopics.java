package io.streamprep.jobs.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Topic creation, producers and the write-time window of output topics, for the benchmark. */
final class BenchTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;

    BenchTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    void create(Collection<String> topics, int partitions)
            throws ExecutionException, InterruptedException {
        List<NewTopic> list = new ArrayList<>();
        for (String topic : topics) {
            list.add(new NewTopic(topic, partitions, (short) 1));
        }
        admin.createTopics(list).all().get();
    }

    KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * The latency consumer's properties. It waits for 64 KB or 10 ms per fetch rather than fetching
     * each new record at once: on a machine the pipeline already keeps busy, its many small fetches
     * cost the broker CPU that the pipeline then lacked, and 10 ms is the most this adds to a
     * measured latency.
     */
    Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(64 * 1024));
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    /**
     * The span between the first and the last write (producer timestamps) over all partitions of
     * the topics, in ms; the sinks stamp write time, so this is how long the job was emitting.
     * Empty topics are ignored; -1 if all are empty.
     */
    long writeSpanMillis(Collection<String> topics, int partitions)
            throws ExecutionException, InterruptedException {
        long[] window = writeWindow(topics, partitions);
        return window == null ? -1 : Math.max(1, window[1] - window[0]);
    }

    /** The first and the last write time (epoch ms) over the topics, or null if all are empty. */
    long[] writeWindow(Collection<String> topics, int partitions)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            for (int p = 0; p < partitions; p++) {
                earliest.put(new TopicPartition(topic, p), OffsetSpec.forTimestamp(0));
                latest.put(new TopicPartition(topic, p), OffsetSpec.maxTimestamp());
            }
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (ListOffsetsResult.ListOffsetsResultInfo info :
                admin.listOffsets(earliest).all().get().values()) {
            if (info.offset() >= 0 && info.timestamp() >= 0) {
                first = Math.min(first, info.timestamp());
            }
        }
        for (ListOffsetsResult.ListOffsetsResultInfo info :
                admin.listOffsets(latest).all().get().values()) {
            if (info.offset() >= 0 && info.timestamp() >= 0) {
                last = Math.max(last, info.timestamp());
            }
        }
        return first == Long.MAX_VALUE ? null : new long[] {first, last};
    }

    @Override
    public void close() {
        admin.close();
    }
}

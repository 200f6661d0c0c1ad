package io.streamprep.jobs.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The client side of a {@link KafkaTestEnvironment}, the same however the cluster runs: a
 * short-lived client for each call, closed before it returns, and one admin client closed with the
 * environment. Subclasses start and stop the cluster.
 */
abstract class AbstractKafkaTestEnvironment implements KafkaTestEnvironment {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Duration timeout = DEFAULT_TIMEOUT;
    private Admin admin;
    private boolean closed;

    /** Stops the cluster and deletes its data; called once, by {@link #close()}. */
    protected abstract void stopCluster() throws Exception;

    @Override
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    @Override
    public void createTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1);
        await(admin().createTopics(List.of(topic)).all(), "create topic " + name);
        long deadline = System.nanoTime() + timeout.toNanos();
        // Each check is a blocking round trip to the broker, usually needed once or twice.
        while (!hasLeaders(name, partitions)) {
            if (System.nanoTime() > deadline) {
                throw new KafkaTestException(
                        "topic " + name + " has no leaders after " + timeout.toSeconds() + " s");
            }
        }
    }

    @Override
    public void produce(String topic, List<byte[]> values) {
        send(values.stream().map(v -> new ProducerRecord<byte[], byte[]>(topic, v)).toList());
    }

    @Override
    public void send(List<ProducerRecord<byte[], byte[]>> records) {
        Properties properties = clientProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        // A broker slowed down by the 2 busy cores must not look like a lost request: after a
        // request timeout (30 s by default) the idempotent producer once re-sent its batches with
        // reset sequence numbers, the broker refused them as out of order until the delivery
        // timeout, and ClusterChaosITCase failed to feed its input.
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * (int) timeout.toMillis());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> record : records) {
                acks.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                await(ack, "produce");
            }
        }
    }

    @Override
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(
            String topic, int expected, Duration wait) {
        Properties properties = clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + wait.toNanos();
            while (read.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(read::add);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(read::add);
            }
        }
        read.sort(
                Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset));
        return read;
    }

    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close(timeout);
        }
        try {
            stopCluster();
        } catch (Exception e) {
            throw new KafkaTestException(description() + " did not stop cleanly", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(clientProperties());
        }
        return admin;
    }

    private boolean hasLeaders(String name, int partitions) {
        TopicDescription description;
        try {
            description =
                    admin().describeTopics(Set.of(name))
                            .allTopicNames()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                            .get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false; // created, but the broker has not caught up with the controller
            }
            throw new KafkaTestException("describe " + name + " failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new KafkaTestException("describe " + name + " did not finish", e);
        }
        return description.partitions().size() == partitions
                && description.partitions().stream().allMatch(p -> p.leader() != null);
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new KafkaTestException("topic " + topic + " does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new KafkaTestException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaTestException(
                    what + " timed out after " + timeout.toSeconds() + " s", e);
        }
    }
}

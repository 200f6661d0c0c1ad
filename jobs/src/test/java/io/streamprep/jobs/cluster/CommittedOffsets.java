package io.streamprep.jobs.cluster;

import io.streamprep.jobs.testing.KafkaTestEnvironment;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The input offsets a job's consumer group has committed. The Kafka source commits them when a
 * checkpoint completes, so they tell how far the job has durably read.
 */
final class CommittedOffsets {

    private CommittedOffsets() {}

    /** The committed offset of every partition of the input, 0 where there is none. */
    static long[] of(KafkaTestEnvironment kafka, String group, ClusterInput input)
            throws Exception {
        long[] offsets = new long[input.partitions()];
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            committed.forEach(
                    (partition, offset) -> {
                        if (offset != null && partition.topic().equals(input.topic())) {
                            offsets[partition.partition()] = offset.offset();
                        }
                    });
        }
        return offsets;
    }

    /** The sum over all partitions: how many input lines the group has durably read. */
    static long total(KafkaTestEnvironment kafka, String group, ClusterInput input)
            throws Exception {
        return Arrays.stream(of(kafka, group, input)).sum();
    }
}

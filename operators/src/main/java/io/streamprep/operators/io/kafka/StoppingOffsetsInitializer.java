package io.streamprep.operators.io.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Stopping offsets given per partition; partitions not listed stop at their end offsets when the
 * job starts.
 *
 * <p>Flink's own {@link OffsetsInitializer#offsets} would first look up the group's committed
 * offsets for unlisted partitions, which as a stopping point would silently read less than
 * expected.
 */
final class StoppingOffsetsInitializer implements OffsetsInitializer {

    private static final long serialVersionUID = 1L;

    private final HashMap<TopicPartition, Long> offsets;

    StoppingOffsetsInitializer(Map<TopicPartition, Long> offsets) {
        this.offsets = new HashMap<>(offsets);
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(
            Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
        Map<TopicPartition, Long> result = new HashMap<>();
        List<TopicPartition> unlisted = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long offset = offsets.get(partition);
            if (offset == null) {
                unlisted.add(partition);
            } else {
                result.put(partition, offset);
            }
        }
        if (!unlisted.isEmpty()) {
            result.putAll(retriever.endOffsets(unlisted));
        }
        return result;
    }

    @Override
    @SuppressWarnings("deprecation") // The interface still declares this type.
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
        return OffsetResetStrategy.LATEST;
    }
}

package io.streamprep.operators.io.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.SourceOptions;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer.PartitionOffsetsRetriever;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaOffsetsTest {

    private static final String TOPIC = "in";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final TopicPartition P2 = new TopicPartition(TOPIC, 2);
    private static final List<TopicPartition> PARTITIONS = List.of(P0, P1, P2);

    private final TestingOffsetsRetriever retriever = new TestingOffsetsRetriever();

    @Test
    void startEarliestLetsTheReaderSeekToTheBeginning() {
        OffsetsInitializer start = KafkaOffsets.startingOffsets("earliest", TOPIC);

        assertThat(offsets(start))
                .containsOnly(
                        Map.entry(P0, KafkaPartitionSplit.EARLIEST_OFFSET),
                        Map.entry(P1, KafkaPartitionSplit.EARLIEST_OFFSET),
                        Map.entry(P2, KafkaPartitionSplit.EARLIEST_OFFSET));
    }

    @Test
    void startLatestUsesTheEndOffsets() {
        OffsetsInitializer start = KafkaOffsets.startingOffsets("latest", TOPIC);

        assertThat(offsets(start)).isEqualTo(Map.of(P0, 100L, P1, 101L, P2, 102L));
    }

    @Test
    @SuppressWarnings("deprecation")
    void startCommittedFallsBackToEarliest() {
        OffsetsInitializer start = KafkaOffsets.startingOffsets("committed", TOPIC);

        assertThat(offsets(start))
                .containsOnly(
                        Map.entry(P0, KafkaPartitionSplit.COMMITTED_OFFSET),
                        Map.entry(P1, KafkaPartitionSplit.COMMITTED_OFFSET),
                        Map.entry(P2, KafkaPartitionSplit.COMMITTED_OFFSET));
        assertThat(start.getAutoOffsetResetStrategy()).isEqualTo(OffsetResetStrategy.EARLIEST);
    }

    @Test
    void startTimestampLooksUpTheFirstRecordAtOrAfterIt() {
        OffsetsInitializer start = KafkaOffsets.startingOffsets("timestamp:1700000000000", TOPIC);

        assertThat(offsets(start)).isEqualTo(Map.of(P0, 30L, P1, 31L, P2, 102L));
        assertThat(retriever.searchedTimestamps).containsOnly(1_700_000_000_000L);
    }

    @Test
    void startOffsetsUsesTheListAndCommittedOrEarliestForTheRest() {
        OffsetsInitializer start = KafkaOffsets.startingOffsets("offsets:0=5", TOPIC);

        assertThat(offsets(start)).isEqualTo(Map.of(P0, 5L, P1, 10L, P2, 50L));
    }

    @Test
    void stopNeverIsUnbounded() {
        assertThat(KafkaOffsets.stoppingOffsets("never", TOPIC)).isEmpty();
    }

    @Test
    void stopLatestUsesTheEndOffsetsAtStart() {
        OffsetsInitializer stop = KafkaOffsets.stoppingOffsets("latest", TOPIC).orElseThrow();

        assertThat(offsets(stop)).isEqualTo(Map.of(P0, 100L, P1, 101L, P2, 102L));
    }

    @Test
    void stopTimestampLooksUpTheFirstRecordAtOrAfterIt() {
        OffsetsInitializer stop = KafkaOffsets.stoppingOffsets("timestamp:42", TOPIC).orElseThrow();

        assertThat(offsets(stop)).isEqualTo(Map.of(P0, 30L, P1, 31L, P2, 102L));
        assertThat(retriever.searchedTimestamps).containsOnly(42L);
    }

    @Test
    void stopOffsetsReadsUnlistedPartitionsToTheirEndNotToTheCommittedOffset() throws Exception {
        OffsetsInitializer stop =
                InstantiationUtil.clone(
                        KafkaOffsets.stoppingOffsets("offsets:0=7,1=0", TOPIC).orElseThrow());

        assertThat(offsets(stop)).isEqualTo(Map.of(P0, 7L, P1, 0L, P2, 102L));
    }

    @Test
    void keywordsIgnoreCaseAndBlanks() {
        assertThat(offsets(KafkaOffsets.startingOffsets("  LaTeSt ", TOPIC)))
                .isEqualTo(Map.of(P0, 100L, P1, 101L, P2, 102L));
        assertThat(KafkaOffsets.stoppingOffsets(" Never", TOPIC)).isEmpty();
        assertThat(offsets(KafkaOffsets.startingOffsets("Offsets: 0 = 3 , 2=4 ", TOPIC)))
                .isEqualTo(Map.of(P0, 3L, P1, 10L, P2, 4L));
        assertThat(offsets(KafkaOffsets.startingOffsets("TIMESTAMP: 9", TOPIC)))
                .isEqualTo(Map.of(P0, 30L, P1, 31L, P2, 102L));
    }

    @Test
    void readsTheOptionsAndTopicFromConfiguration() {
        Configuration config = new Configuration();
        config.set(SourceOptions.KAFKA_TOPIC, TOPIC);
        config.set(SourceOptions.KAFKA_START, "offsets:1=9");
        config.set(SourceOptions.KAFKA_STOP, "offsets:1=12");

        assertThat(offsets(KafkaOffsets.startingOffsets(config)))
                .isEqualTo(Map.of(P0, 0L, P1, 9L, P2, 50L));
        assertThat(offsets(KafkaOffsets.stoppingOffsets(config).orElseThrow()))
                .isEqualTo(Map.of(P0, 100L, P1, 12L, P2, 102L));
    }

    @Test
    void defaultsAreEarliestAndNever() {
        Configuration config = new Configuration();

        assertThat(offsets(KafkaOffsets.startingOffsets(config)).values())
                .containsOnly(KafkaPartitionSplit.EARLIEST_OFFSET);
        assertThat(KafkaOffsets.stoppingOffsets(config)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "never",
                "first",
                "earliest,latest",
                "timestamp:",
                "timestamp:abc",
                "timestamp:-1",
                "timestamp:1.5",
                "offsets:",
                "offsets:0",
                "offsets:0=",
                "offsets:=1",
                "offsets:a=1",
                "offsets:0=x",
                "offsets:0=-1",
                "offsets:-1=0",
                "offsets:0=1,0=2",
                "offsets:0=1,",
                "offsets:0=1=2",
                "offsets:3000000000=1",
                "offsets:0=99999999999999999999"
            })
    void rejectsABadStartNamingTheOptionAndTheValue(String value) {
        assertThatThrownBy(() -> KafkaOffsets.startingOffsets(value, TOPIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source.kafka.start")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("committed, timestamp:<epoch-ms>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "earliest",
                "committed",
                "forever",
                "timestamp:x",
                "timestamp:-5",
                "offsets:",
                "offsets:1",
                "offsets:1=2,1=3",
                "offsets:0=-2"
            })
    void rejectsABadStopNamingTheOptionAndTheValue(String value) {
        assertThatThrownBy(() -> KafkaOffsets.stoppingOffsets(value, TOPIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source.kafka.stop")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("never, latest, timestamp:<epoch-ms>");
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> KafkaOffsets.startingOffsets("offsets:0=1,0=2", TOPIC))
                .hasMessageContaining("partition 0 is listed twice");
        assertThatThrownBy(() -> KafkaOffsets.startingOffsets("offsets:0=-1", TOPIC))
                .hasMessageContaining("offset -1 is negative");
        assertThatThrownBy(() -> KafkaOffsets.stoppingOffsets("timestamp:soon", TOPIC))
                .hasMessageContaining("timestamp 'soon' is not a whole number");
        assertThatThrownBy(() -> KafkaOffsets.stoppingOffsets("offsets:7", TOPIC))
                .hasMessageContaining("'7' is not <partition>=<offset>");
        assertThatThrownBy(() -> KafkaOffsets.startingOffsets(null, TOPIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source.kafka.start");
    }

    private Map<TopicPartition, Long> offsets(OffsetsInitializer initializer) {
        return initializer.getPartitionOffsets(PARTITIONS, retriever);
    }

    /**
     * A topic of three partitions: partition n holds offsets 10n until 100+n; records at or after
     * any timestamp start at offset 30+n, except on partition 2 which has none; the group committed
     * offset 50 on partition 2 only.
     */
    private static final class TestingOffsetsRetriever implements PartitionOffsetsRetriever {

        final Set<Long> searchedTimestamps = new HashSet<>();

        @Override
        public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> committed = new HashMap<>();
            if (partitions.contains(P2)) {
                committed.put(P2, 50L);
            }
            return committed;
        }

        @Override
        public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
            return each(partitions, tp -> 100L + tp.partition());
        }

        @Override
        public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
            return each(partitions, tp -> 10L * tp.partition());
        }

        @Override
        public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                Map<TopicPartition, Long> timestampsToSearch) {
            searchedTimestamps.addAll(timestampsToSearch.values());
            Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
            timestampsToSearch.forEach(
                    (tp, ts) -> {
                        if (!tp.equals(P2)) {
                            found.put(tp, new OffsetAndTimestamp(30L + tp.partition(), ts));
                        }
                    });
            return found;
        }

        private static Map<TopicPartition, Long> each(
                Collection<TopicPartition> partitions, ToLongFunction<TopicPartition> offsetOf) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            partitions.forEach(tp -> offsets.put(tp, offsetOf.applyAsLong(tp)));
            return offsets;
        }
    }
}

package io.streamprep.operators.io.kafka;

import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.schemas.records.TrainingRecord;
import java.util.Objects;
import org.apache.flink.connector.kafka.sink.TopicSelector;

/**
 * Routes a training record to the topic of its split.
 *
 * <p>A split other than {@code train}, {@code validation} or {@code test} is a bug upstream; it
 * throws {@link IllegalArgumentException}, which fails the sink rather than writing the record to a
 * wrong topic.
 */
public final class SplitTopicSelector implements TopicSelector<TrainingRecord> {

    private static final long serialVersionUID = 1L;

    private final String trainTopic;
    private final String validationTopic;
    private final String testTopic;

    public SplitTopicSelector(String trainTopic, String validationTopic, String testTopic) {
        this.trainTopic = Objects.requireNonNull(trainTopic, "trainTopic");
        this.validationTopic = Objects.requireNonNull(validationTopic, "validationTopic");
        this.testTopic = Objects.requireNonNull(testTopic, "testTopic");
    }

    @Override
    public String apply(TrainingRecord record) {
        return switch (record.split()) {
            case SplitAssigner.TRAIN -> trainTopic;
            case SplitAssigner.VALIDATION -> validationTopic;
            case SplitAssigner.TEST -> testTopic;
            default ->
                    throw new IllegalArgumentException(
                            "unknown split '" + record.split() + "' of record " + record.id());
        };
    }
}

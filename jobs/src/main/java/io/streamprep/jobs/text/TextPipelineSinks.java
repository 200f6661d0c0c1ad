package io.streamprep.jobs.text;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TrainingRecord;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The outputs of the text pipeline.
 *
 * @param training tokenized records of all splits (the sink routes them by {@code split})
 * @param deadLetters every rejected record
 * @param duplicates every record dropped as a duplicate
 * @param sampledOut every record under-sampled by class balancing (only used with {@code
 *     balance.enabled})
 * @param trainingParquet a second sink of the training records (Parquet next to JSONL), or null
 */
public record TextPipelineSinks(
        Sink<TrainingRecord> training,
        Sink<DeadLetterRecord> deadLetters,
        Sink<DuplicateRecord> duplicates,
        Sink<SampledOutRecord> sampledOut,
        Sink<TrainingRecord> trainingParquet) {

    public TextPipelineSinks {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(sampledOut, "sampledOut");
    }

    /** Sinks whose sampled-out records are discarded (they are still counted). */
    public TextPipelineSinks(
            Sink<TrainingRecord> training,
            Sink<DeadLetterRecord> deadLetters,
            Sink<DuplicateRecord> duplicates) {
        this(training, deadLetters, duplicates, new DiscardingSink<>(), null);
    }

    /** The four outputs, without a second training sink. */
    public TextPipelineSinks(
            Sink<TrainingRecord> training,
            Sink<DeadLetterRecord> deadLetters,
            Sink<DuplicateRecord> duplicates,
            Sink<SampledOutRecord> sampledOut) {
        this(training, deadLetters, duplicates, sampledOut, null);
    }
}

package io.streamprep.jobs.image;

import io.streamprep.jobs.io.FileSinks;
import io.streamprep.jobs.io.KafkaSinks;
import io.streamprep.jobs.text.TextPipelineSinks;
import io.streamprep.operators.io.file.ImageSplitBucketAssigner;
import io.streamprep.operators.io.file.JsonLineEncoder;
import io.streamprep.operators.io.kafka.JsonRecordSerializer;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.ImageTrainingRecord;
import io.streamprep.schemas.records.SampledOutRecord;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.sink.FileSink;

/**
 * The outputs of the image pipeline. Dead letters, duplicates and sampled-out records are the text
 * pipeline's sinks (same folders, topics and schemas); training records go to the same {@code
 * train/}, {@code validation/}, {@code test/} folders or split topics as text training records.
 *
 * @param training image training records of all splits (routed by {@code split})
 * @param deadLetters every rejected record
 * @param duplicates every record dropped as a duplicate
 * @param sampledOut every image under-sampled by class balancing (only used with {@code
 *     balance.enabled})
 */
public record ImagePipelineSinks(
        Sink<ImageTrainingRecord> training,
        Sink<DeadLetterRecord> deadLetters,
        Sink<DuplicateRecord> duplicates,
        Sink<SampledOutRecord> sampledOut) {

    public ImagePipelineSinks {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(sampledOut, "sampledOut");
    }

    /** The image training sink chosen by {@code sink.type}, next to the given shared sinks. */
    public static ImagePipelineSinks fromConfig(ReadableConfig options, TextPipelineSinks shared) {
        Sink<ImageTrainingRecord> training;
        if (options.get(SinkOptions.TYPE) == SinkOptions.SinkType.KAFKA) {
            String train = options.get(SinkOptions.KAFKA_TOPIC_TRAIN);
            String validation = options.get(SinkOptions.KAFKA_TOPIC_VALIDATION);
            String test = options.get(SinkOptions.KAFKA_TOPIC_TEST);
            training =
                    KafkaSinks.sink(
                            options,
                            "image-training",
                            new JsonRecordSerializer<ImageTrainingRecord>(
                                    ImageTrainingRecord::id,
                                    record ->
                                            switch (record.split()) {
                                                case SplitAssigner.TRAIN -> train;
                                                case SplitAssigner.VALIDATION -> validation;
                                                default -> test;
                                            }));
        } else {
            training =
                    FileSink.forRowFormat(
                                    FileSinks.root(options.get(SinkOptions.FILE_PATH)),
                                    new JsonLineEncoder<ImageTrainingRecord>())
                            .withBucketAssigner(new ImageSplitBucketAssigner())
                            .withOutputFileConfig(FileSinks.PART_FILES)
                            .build();
        }
        return new ImagePipelineSinks(
                training, shared.deadLetters(), shared.duplicates(), shared.sampledOut());
    }
}

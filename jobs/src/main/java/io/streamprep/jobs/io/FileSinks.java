package io.streamprep.jobs.io;

import io.streamprep.jobs.text.TextPipelineSinks;
import io.streamprep.operators.io.file.JsonLineEncoder;
import io.streamprep.operators.io.file.SplitBucketAssigner;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TrainingRecord;
import java.io.File;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * JSONL file sinks under one output folder: {@code train/}, {@code validation/}, {@code test/},
 * {@code dlq/}, {@code duplicates/} and (with class balancing) {@code sampled-out/}, each holding
 * {@code part-*.jsonl} files.
 *
 * <p>Files are committed exactly once: in streaming mode on checkpoints (in-progress files are
 * hidden, starting with '.'), in batch mode when the job finishes. Readers must ignore hidden
 * files.
 */
public final class FileSinks {

    public static final String DLQ = "dlq";
    public static final String DUPLICATES = "duplicates";
    public static final String SAMPLED_OUT = "sampled-out";

    private static final OutputFileConfig PART_FILES =
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl").build();

    private FileSinks() {}

    /** The sinks under {@code dir}. */
    public static TextPipelineSinks under(String dir) {
        Path root =
                dir.contains("://")
                        ? new Path(dir)
                        : new Path(new File(dir).getAbsoluteFile().toURI());
        return new TextPipelineSinks(
                FileSink.forRowFormat(root, new JsonLineEncoder<TrainingRecord>())
                        .withBucketAssigner(new SplitBucketAssigner())
                        .withOutputFileConfig(PART_FILES)
                        .build(),
                FileSink.forRowFormat(new Path(root, DLQ), new JsonLineEncoder<DeadLetterRecord>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withOutputFileConfig(PART_FILES)
                        .build(),
                FileSink.forRowFormat(
                                new Path(root, DUPLICATES), new JsonLineEncoder<DuplicateRecord>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withOutputFileConfig(PART_FILES)
                        .build(),
                FileSink.forRowFormat(
                                new Path(root, SAMPLED_OUT),
                                new JsonLineEncoder<SampledOutRecord>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withOutputFileConfig(PART_FILES)
                        .build());
    }
}

package io.streamprep.jobs.io;

import io.streamprep.jobs.text.TextPipelineSinks;
import io.streamprep.operators.io.file.JsonLineEncoder;
import io.streamprep.operators.io.file.SplitBucketAssigner;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TrainingRecord;
import java.io.File;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * JSONL file sinks under one output folder: {@code train/}, {@code validation/}, {@code test/},
 * {@code dlq/} and {@code duplicates/}, each holding {@code part-*.jsonl} files.
 *
 * <p>Files are committed exactly once: in streaming mode on checkpoints (in-progress files are
 * hidden, starting with '.'), in batch mode when the job finishes. Readers must ignore hidden
 * files.
 */
public final class FileSinks {

    public static final String DLQ = "dlq";
    public static final String DUPLICATES = "duplicates";

    /** Part files are named {@code part-*.jsonl}. */
    public static final OutputFileConfig PART_FILES =
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl").build();

    private FileSinks() {}

    /** The three sinks under {@code dir}. */
    public static TextPipelineSinks under(String dir) {
        Path root = root(dir);
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
                        .build());
    }

    /** The output folder as a Flink path: a URI as it is, a local folder made absolute. */
    public static Path root(String dir) {
        return dir.contains("://")
                ? new Path(dir)
                : new Path(new File(dir).getAbsoluteFile().toURI());
    }
}

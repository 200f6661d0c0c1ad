package io.streamprep.jobs.io;

import io.streamprep.jobs.text.TextPipelineSinks;
import io.streamprep.operators.io.file.JsonLineEncoder;
import io.streamprep.operators.io.file.SplitBucketAssigner;
import io.streamprep.operators.io.file.TrainingRecordParquet;
import io.streamprep.schemas.config.SinkOptions.FileFormat;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TrainingRecord;
import java.io.File;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * JSONL file sinks under one output folder: {@code train/}, {@code validation/}, {@code test/},
 * {@code dlq/}, {@code duplicates/} and (with class balancing) {@code sampled-out/}, each holding
 * {@code part-*.jsonl} files (training records optionally also or only as {@code part-*.parquet}).
 *
 * <p>Files are committed exactly once: in streaming mode on checkpoints (in-progress files are
 * hidden, starting with '.'), in batch mode when the job finishes. Readers must ignore hidden
 * files.
 */
public final class FileSinks {

    public static final String DLQ = "dlq";
    public static final String DUPLICATES = "duplicates";
    public static final String SAMPLED_OUT = "sampled-out";

    /** Part files are named {@code part-*.jsonl}. */
    public static final OutputFileConfig PART_FILES =
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl").build();

    private static final OutputFileConfig PARQUET_FILES =
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build();

    private FileSinks() {}

    /** The sinks under {@code dir}, training records as JSONL. */
    public static TextPipelineSinks under(String dir) {
        return under(dir, FileFormat.JSONL);
    }

    /**
     * The sinks under {@code dir}, training records in {@code format}: {@code part-*.parquet} files
     * go into the same split folders as the {@code part-*.jsonl} files.
     */
    public static TextPipelineSinks under(String dir, FileFormat format) {
        Path root = root(dir);
        Sink<TrainingRecord> jsonl =
                FileSink.forRowFormat(root, new JsonLineEncoder<TrainingRecord>())
                        .withBucketAssigner(new SplitBucketAssigner())
                        .withOutputFileConfig(PART_FILES)
                        .build();
        Sink<TrainingRecord> parquet =
                format == FileFormat.JSONL
                        ? null
                        : FileSink.forBulkFormat(root, TrainingRecordParquet.writerFactory())
                                .withBucketAssigner(new SplitBucketAssigner())
                                .withOutputFileConfig(PARQUET_FILES)
                                .build();
        return new TextPipelineSinks(
                format == FileFormat.PARQUET ? parquet : jsonl,
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
                        .build(),
                format == FileFormat.BOTH ? parquet : null);
    }

    /** The output folder as a Flink path: a URI as it is, a local folder made absolute. */
    public static Path root(String dir) {
        return dir.contains("://")
                ? new Path(dir)
                : new Path(new File(dir).getAbsoluteFile().toURI());
    }
}

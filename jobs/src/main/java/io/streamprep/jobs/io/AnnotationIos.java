package io.streamprep.jobs.io;

import io.streamprep.jobs.config.ConfigException;
import io.streamprep.jobs.config.KafkaClientProperties;
import io.streamprep.jobs.text.AnnotationIo;
import io.streamprep.operators.io.file.JsonLineEncoder;
import io.streamprep.operators.io.file.JsonLinesFormat;
import io.streamprep.operators.io.kafka.JsonRecordSerializer;
import io.streamprep.operators.io.kafka.KafkaOffsets;
import io.streamprep.operators.io.kafka.RawRecordDeserializer;
import io.streamprep.schemas.config.AnnotationOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.RawRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * The annotation loop's inputs and outputs from {@code annotation.*}: with {@code source.type}
 * KAFKA the labels and model-feedback topics (bounded by {@code annotation.kafka.stop}), with FILE
 * the optional {@code annotation.file.*} JSONL files (bounded); with {@code sink.type} KAFKA the
 * requests and expired topics (same guarantee and servers as the other sinks), with FILE the
 * {@value #REQUESTS_FOLDER}/ and {@value #EXPIRED_FOLDER}/ folders of the output folder.
 */
public final class AnnotationIos {

    public static final String REQUESTS_FOLDER = "annotation-requests";
    public static final String EXPIRED_FOLDER = "annotation-expired";

    private static final OutputFileConfig PART_FILES =
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl").build();

    private AnnotationIos() {}

    /** The annotation I/O, or {@code null} when {@code annotation.enabled} is false. */
    public static AnnotationIo fromConfig(ReadableConfig options) {
        if (!options.get(AnnotationOptions.ENABLED)) {
            return null;
        }
        Source<RawRecord, ?, ?> labels;
        Source<RawRecord, ?, ?> feedback;
        if (options.get(SourceOptions.TYPE) == SourceOptions.SourceType.KAFKA) {
            labels = kafka(options, options.get(AnnotationOptions.KAFKA_LABELS_TOPIC), "labels");
            feedback =
                    kafka(options, options.get(AnnotationOptions.KAFKA_FEEDBACK_TOPIC), "feedback");
        } else {
            labels = file(options, options.get(AnnotationOptions.LABELS_PATH), "labels");
            feedback = file(options, options.get(AnnotationOptions.FEEDBACK_PATH), "feedback");
        }
        if (options.get(SinkOptions.TYPE) == SinkOptions.SinkType.KAFKA) {
            String requests = options.get(AnnotationOptions.KAFKA_REQUESTS_TOPIC);
            String expired = options.get(AnnotationOptions.KAFKA_EXPIRED_TOPIC);
            return new AnnotationIo(
                    labels,
                    feedback,
                    KafkaSinks.sink(
                            options,
                            "annotation-requests",
                            new JsonRecordSerializer<>(AnnotationRequest::id, r -> requests)),
                    KafkaSinks.sink(
                            options,
                            "annotation-expired",
                            new JsonRecordSerializer<>(ExpiredAnnotation::id, r -> expired)));
        }
        String dir = options.get(SinkOptions.FILE_PATH);
        Path root =
                dir.contains("://")
                        ? new Path(dir)
                        : new Path(new File(dir).getAbsoluteFile().toURI());
        return new AnnotationIo(
                labels,
                feedback,
                fileSink(new Path(root, REQUESTS_FOLDER)),
                fileSink(new Path(root, EXPIRED_FOLDER)));
    }

    private static <T> Sink<T> fileSink(Path path) {
        return FileSink.forRowFormat(path, new JsonLineEncoder<T>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(PART_FILES)
                .build();
    }

    private static KafkaSource<RawRecord> kafka(ReadableConfig options, String topic, String name) {
        KafkaSourceBuilder<RawRecord> builder =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(options.get(SourceOptions.KAFKA_BOOTSTRAP_SERVERS))
                        .setTopics(topic)
                        .setGroupId(options.get(SourceOptions.KAFKA_GROUP_ID) + "-" + name)
                        .setStartingOffsets(
                                KafkaOffsets.startingOffsets(
                                        options.get(AnnotationOptions.KAFKA_START), topic))
                        .setDeserializer(RawRecordDeserializer.fromConfig(options))
                        .setProperties(KafkaClientProperties.source(options))
                        .setProperty("isolation.level", "read_committed");
        KafkaOffsets.stoppingOffsets(options.get(AnnotationOptions.KAFKA_STOP), topic)
                .ifPresent(builder::setBounded);
        return builder.build();
    }

    private static FileSource<RawRecord> file(ReadableConfig options, String path, String name) {
        if (path == null) {
            return null;
        }
        Path flinkPath = new Path(path);
        if (!flinkPath.toUri().isAbsolute() || "file".equals(flinkPath.toUri().getScheme())) {
            java.nio.file.Path local = Paths.get(flinkPath.toUri().getPath());
            if (!Files.exists(local)) {
                throw new ConfigException("Annotation " + name + " input not found: " + path);
            }
            flinkPath = new Path(local.toAbsolutePath().toUri());
        }
        int maxBytes =
                (int)
                        Math.min(
                                Integer.MAX_VALUE - 16,
                                options.get(SourceOptions.MAX_RECORD_BYTES).getBytes());
        return FileSource.forBulkFileFormat(new JsonLinesFormat(maxBytes), flinkPath).build();
    }
}

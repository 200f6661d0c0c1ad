package io.streamprep.jobs.io;

import io.streamprep.jobs.text.AnnotationIo;
import io.streamprep.jobs.text.TextPipelineJob;
import io.streamprep.jobs.text.TextPipelineSinks;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.records.RawRecord;
import java.util.Optional;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The source and sinks chosen by {@code source.type} and {@code sink.type}.
 *
 * @param source where raw records come from
 * @param sinks where the three outputs go
 * @param outputFolder the local output folder, when writing files locally
 * @param describeSource a human-readable description of the source
 * @param describeSinks a human-readable description of the sinks
 * @param annotation the annotation loop's inputs and outputs, or {@code null} when disabled
 */
public record PipelineIo(
        Source<RawRecord, ?, ?> source,
        TextPipelineSinks sinks,
        Optional<OutputFolder> outputFolder,
        String describeSource,
        String describeSinks,
        AnnotationIo annotation) {

    /** The text pipeline job over these inputs and outputs. */
    public TextPipelineJob job(ReadableConfig options) {
        return new TextPipelineJob(options, source, sinks, annotation);
    }

    /**
     * @throws io.streamprep.jobs.config.ConfigException if a path is missing or invalid
     * @throws IllegalArgumentException if an option value is invalid (the message names it)
     */
    public static PipelineIo fromConfig(ReadableConfig options) {
        Source<RawRecord, ?, ?> source;
        String sourceText;
        switch (options.get(SourceOptions.TYPE)) {
            case KAFKA -> {
                source = KafkaSources.fromConfig(options);
                sourceText = KafkaSources.describe(options);
            }
            default -> {
                source = FileSources.fromConfig(options);
                sourceText = options.get(SourceOptions.FILE_PATH);
            }
        }
        if (options.get(SinkOptions.TYPE) == SinkOptions.SinkType.KAFKA) {
            return new PipelineIo(
                    source,
                    KafkaSinks.fromConfig(options),
                    Optional.empty(),
                    sourceText,
                    KafkaSinks.describe(options),
                    AnnotationIos.fromConfig(options));
        }
        String dir = options.get(SinkOptions.FILE_PATH);
        Optional<OutputFolder> folder =
                dir.contains("://") ? Optional.empty() : Optional.of(new OutputFolder(dir));
        return new PipelineIo(
                source,
                FileSinks.under(dir, options.get(SinkOptions.FILE_FORMAT)),
                folder,
                sourceText,
                folder.map(f -> f.root().toString()).orElse(dir),
                AnnotationIos.fromConfig(options));
    }
}

package io.streamprep.jobs.io;

import io.streamprep.jobs.config.ConfigException;
import io.streamprep.operators.io.file.JsonLinesFormat;
import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.records.RawRecord;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/** Builds the JSONL file source from the {@code source.file.*} options. */
public final class FileSources {

    private FileSources() {}

    /**
     * A bounded source over the file or folder, or an unbounded one watching the folder when {@code
     * source.file.watch-interval} is set.
     *
     * @throws ConfigException if the path is unset, or a local path that does not exist
     */
    public static FileSource<RawRecord> fromConfig(ReadableConfig options) {
        String path =
                options.getOptional(SourceOptions.FILE_PATH)
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                SourceOptions.FILE_PATH.key()
                                                        + " is not set: give --input PATH"));
        Path flinkPath = new Path(path);
        if (!flinkPath.toUri().isAbsolute() || "file".equals(flinkPath.toUri().getScheme())) {
            java.nio.file.Path local = Paths.get(flinkPath.toUri().getPath());
            if (!Files.exists(local)) {
                throw new ConfigException(
                        "Input not found: " + path + " (" + SourceOptions.FILE_PATH.key() + ")");
            }
            flinkPath = new Path(local.toAbsolutePath().toUri());
        }
        int maxBytes =
                (int)
                        Math.min(
                                Integer.MAX_VALUE - 16,
                                options.get(SourceOptions.MAX_RECORD_BYTES).getBytes());
        FileSource.FileSourceBuilder<RawRecord> builder =
                FileSource.forBulkFileFormat(new JsonLinesFormat(maxBytes), flinkPath);
        Duration watch = options.get(SourceOptions.FILE_WATCH_INTERVAL);
        if (watch != null) {
            builder.monitorContinuously(watch);
        }
        return builder.build();
    }
}

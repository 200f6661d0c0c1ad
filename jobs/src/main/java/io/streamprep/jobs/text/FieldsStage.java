package io.streamprep.jobs.text;

import io.streamprep.jobs.config.ConfigException;
import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.fields.FieldSpec;
import io.streamprep.operators.fields.FieldSpecs;
import io.streamprep.operators.fields.FieldStatsWriter;
import io.streamprep.operators.fields.FieldsOperator;
import io.streamprep.operators.fields.FrozenStats;
import io.streamprep.schemas.config.FieldOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.serde.Json;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires the structured-fields stage (uid {@code fields}) and its statistics file writer (uid {@code
 * field-stats}). Without declared fields it adds nothing and returns its input.
 */
final class FieldsStage {

    /** The default name of the statistics file in the output folder. */
    static final String STATS_FILE_NAME = "field-stats.json";

    private final DataStream<TextEvent> events;
    private final DataStream<DeadLetterRecord> deadLetters;

    private FieldsStage(DataStream<TextEvent> events, DataStream<DeadLetterRecord> deadLetters) {
        this.events = events;
        this.deadLetters = deadLetters;
    }

    static FieldsStage apply(ReadableConfig options, Uids uids, DataStream<TextEvent> input) {
        List<FieldSpec> specs = FieldSpecs.parse(options.get(FieldOptions.DECLARED));
        if (specs.isEmpty()) {
            return new FieldsStage(input, null);
        }
        FrozenStats frozen =
                options.get(FieldOptions.STATS_MODE) == FieldOptions.StatsMode.FROZEN
                        ? loadFrozen(options, specs)
                        : null;
        SingleOutputStreamOperator<TextEvent> treated =
                input.transform(
                                "structured fields",
                                input.getType(),
                                new FieldsOperator(
                                        specs, frozen, options.get(FieldOptions.MIN_COUNT)))
                        .uid(uids.of("fields"))
                        .name("structured fields");
        String statsPath = statsOutput(options);
        if (statsPath != null) {
            treated.getSideOutput(FieldsOperator.STATS)
                    .transform(
                            "field statistics", Types.VOID, new FieldStatsWriter(specs, statsPath))
                    .setParallelism(1)
                    .uid(uids.of("field-stats"))
                    .name("field statistics");
        }
        return new FieldsStage(treated, treated.getSideOutput(OutputTags.DEAD_LETTERS));
    }

    DataStream<TextEvent> events() {
        return events;
    }

    /** {@code others} plus this stage's dead letters. */
    DataStream<DeadLetterRecord> withDeadLetters(DataStream<DeadLetterRecord> others) {
        return deadLetters == null ? others : others.union(deadLetters);
    }

    private static String statsOutput(ReadableConfig options) {
        return options.getOptional(FieldOptions.STATS_OUTPUT)
                .orElseGet(
                        () ->
                                options.get(SinkOptions.TYPE) == SinkOptions.SinkType.FILE
                                        ? statsUnder(options.get(SinkOptions.FILE_PATH))
                                        : null);
    }

    private static String statsUnder(String dir) {
        Path root =
                dir.contains("://")
                        ? new Path(dir)
                        : new Path(new File(dir).getAbsoluteFile().toURI());
        return new Path(root, STATS_FILE_NAME).toString();
    }

    private static FrozenStats loadFrozen(ReadableConfig options, List<FieldSpec> specs) {
        String file =
                options.getOptional(FieldOptions.STATS_FILE)
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                "fields.stats.mode FROZEN needs fields.stats.file"));
        Path path = file.contains("://") ? new Path(file) : new Path(new File(file).toURI());
        byte[] bytes;
        try (InputStream in = path.getFileSystem().open(path)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigException(
                    "fields.stats.file: cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return FrozenStats.fromJson(
                    Json.MAPPER.readTree(bytes), specs, "sha256:" + sha256(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("fields.stats.file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

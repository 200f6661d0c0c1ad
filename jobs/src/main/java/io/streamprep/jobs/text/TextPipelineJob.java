package io.streamprep.jobs.text;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.dedup.ExactDedupFunction;
import io.streamprep.operators.normalize.NormalizeFunction;
import io.streamprep.operators.normalize.NormalizerSettings;
import io.streamprep.operators.parse.EventTimes;
import io.streamprep.operators.parse.ParseFunction;
import io.streamprep.operators.parse.ParserSettings;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.operators.tokenize.TextTokenizer;
import io.streamprep.operators.tokenize.TokenizeFunction;
import io.streamprep.operators.tokenize.TokenizerSettings;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.config.DedupOptions;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.config.ValidationOptions;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TrainingRecord;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The text pipeline: parse + validate → normalize → exact dedup → [augment] → tokenize + split →
 * sinks, with dead letters and duplicates collected from every stage.
 *
 * <p>The job takes its source and sinks from outside, so tests run the real graph with test sources
 * and sinks. Every operator has a stable uid ({@code <pipeline.uid-prefix>-<stage>}), so savepoints
 * survive changes to the graph around them.
 */
public final class TextPipelineJob {

    private final ReadableConfig options;
    private final Source<RawRecord, ?, ?> source;
    private final TextPipelineSinks sinks;

    public TextPipelineJob(
            ReadableConfig options, Source<RawRecord, ?, ?> source, TextPipelineSinks sinks) {
        this.options = Objects.requireNonNull(options, "options");
        this.source = Objects.requireNonNull(source, "source");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
    }

    /** Adds the pipeline to the environment. */
    public void build(StreamExecutionEnvironment env) {
        Uids uids = new Uids(options.get(PipelineOptions.UID_PREFIX));
        long seed = options.get(PipelineOptions.SEED);
        TokenizerSettings tokenizer = TokenizerSettings.fromConfig(options);
        // Load the tokenizer once here so a bad path or setting fails before the job starts.
        TextTokenizer.validate(tokenizer);

        WatermarkStrategy<RawRecord> watermarks =
                WatermarkStrategy.<RawRecord>forBoundedOutOfOrderness(
                                options.get(SourceOptions.WATERMARK_OUT_OF_ORDERNESS))
                        .withTimestampAssigner((record, previous) -> EventTimes.of(record))
                        .withIdleness(options.get(SourceOptions.WATERMARK_IDLE_TIMEOUT));
        DataStream<RawRecord> raw =
                env.fromSource(source, watermarks, "source").uid(uids.of("source")).name("source");

        SingleOutputStreamOperator<TextEvent> parsed =
                raw.process(new ParseFunction(ParserSettings.fromConfig(options)))
                        .uid(uids.of("parse"))
                        .name("parse + validate");

        SingleOutputStreamOperator<TextEvent> normalized =
                parsed.process(new NormalizeFunction(NormalizerSettings.fromConfig(options)))
                        .uid(uids.of("normalize"))
                        .name("normalize");

        DataStream<TextEvent> unique = normalized;
        if (options.get(DedupOptions.EXACT_ENABLED)) {
            SingleOutputStreamOperator<TextEvent> deduplicated =
                    normalized
                            .keyBy(TextEvent::fingerprint)
                            .process(
                                    new ExactDedupFunction(
                                            options.get(DedupOptions.EXACT_WINDOW),
                                            options.get(DedupOptions.STATE_TTL)))
                            .uid(uids.of("dedup-exact"))
                            .name("exact dedup");
            deduplicated
                    .getSideOutput(OutputTags.DUPLICATES)
                    .sinkTo(sinks.duplicates())
                    .uid(uids.of("sink-duplicates"))
                    .name("sink: duplicates");
            unique = deduplicated;
        }
        unique = AugmentStages.apply(unique, options, uids, seed);

        SingleOutputStreamOperator<TrainingRecord> tokenized =
                unique.process(
                                new TokenizeFunction(
                                        tokenizer,
                                        SplitAssigner.fromConfig(options, seed),
                                        new LabelIndex(options.get(ValidationOptions.LABELS)),
                                        options.get(SinkOptions.INCLUDE_TEXT)))
                        .uid(uids.of("tokenize"))
                        .name("tokenize + split");
        tokenized
                .sinkTo(sinks.training())
                .uid(uids.of("sink-training"))
                .name("sink: training records");

        DataStream<DeadLetterRecord> deadLetters =
                parsed.getSideOutput(OutputTags.DEAD_LETTERS)
                        .union(
                                normalized.getSideOutput(OutputTags.DEAD_LETTERS),
                                tokenized.getSideOutput(OutputTags.DEAD_LETTERS));
        deadLetters.sinkTo(sinks.deadLetters()).uid(uids.of("sink-dlq")).name("sink: dead letters");
    }
}

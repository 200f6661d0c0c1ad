package io.streamprep.jobs.text;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.dedup.ExactDedupFunction;
import io.streamprep.operators.dedup.near.NearDedupSettings;
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
import io.streamprep.schemas.config.NearDedupOptions;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.config.ValidationOptions;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TrainingRecord;
import io.streamprep.schemas.serde.BulkStringTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The text pipeline: parse + validate → normalize → [structured fields] → exact dedup → [near
 * dedup] → [weak labels / annotation join] → [class balance] → [augment] → tokenize + split →
 * sinks, with dead letters and duplicates collected from every stage (bracketed stages only when
 * enabled).
 *
 * <p>The job takes its source and sinks from outside, so tests run the real graph with test sources
 * and sinks. Every operator has a stable uid ({@code <pipeline.uid-prefix>-<stage>}), so savepoints
 * survive changes to the graph around them.
 */
public final class TextPipelineJob {

    private final ReadableConfig options;
    private final Source<RawRecord, ?, ?> source;
    private final TextPipelineSinks sinks;
    private final AnnotationIo annotation;

    public TextPipelineJob(
            ReadableConfig options, Source<RawRecord, ?, ?> source, TextPipelineSinks sinks) {
        this(options, source, sinks, null);
    }

    /**
     * @param annotation the annotation loop's inputs and outputs; {@code null} when {@code
     *     annotation.enabled} is false
     */
    public TextPipelineJob(
            ReadableConfig options,
            Source<RawRecord, ?, ?> source,
            TextPipelineSinks sinks,
            AnnotationIo annotation) {
        this.options = Objects.requireNonNull(options, "options");
        this.source = Objects.requireNonNull(source, "source");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
        this.annotation = annotation;
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

        FieldsStage fields = FieldsStage.apply(options, uids, normalized);

        DataStream<TextEvent> unique = fields.events();
        DataStream<DuplicateRecord> duplicates = null;
        if (options.get(DedupOptions.EXACT_ENABLED)) {
            SingleOutputStreamOperator<TextEvent> deduplicated =
                    fields.events()
                            // written with every state entry and timer of each snapshot
                            .keyBy(TextEvent::fingerprint, BulkStringTypeInfo.INSTANCE)
                            .process(
                                    new ExactDedupFunction(
                                            options.get(DedupOptions.EXACT_WINDOW),
                                            options.get(DedupOptions.STATE_TTL)))
                            .uid(uids.of("dedup-exact"))
                            .name("exact dedup");
            duplicates = deduplicated.getSideOutput(OutputTags.DUPLICATES);
            unique = deduplicated;
        }
        if (options.get(NearDedupOptions.ENABLED)) {
            SingleOutputStreamOperator<TextEvent> nearUnique =
                    NearDedupStage.apply(unique, NearDedupSettings.fromConfig(options, seed), uids);
            DataStream<DuplicateRecord> near = NearDedupStage.duplicates(nearUnique);
            duplicates = duplicates == null ? near : duplicates.union(near);
            unique = nearUnique;
        }
        if (duplicates != null) {
            duplicates
                    .sinkTo(sinks.duplicates())
                    .uid(uids.of("sink-duplicates"))
                    .name("sink: duplicates");
        }

        AnnotationStage.Result annotated =
                AnnotationStage.apply(unique, options, uids, annotation, watermarks);
        unique = annotated.events();

        DataStream<TextEvent> balanced =
                ClassBalanceStage.apply(unique, options, uids, sinks.sampledOut());
        // After balancing, so the extra variants it asks for minority classes are produced.
        balanced = AugmentStages.apply(balanced, options, uids, seed);

        SingleOutputStreamOperator<TrainingRecord> tokenized =
                balanced.process(
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
        if (sinks.trainingParquet() != null) {
            tokenized
                    .sinkTo(sinks.trainingParquet())
                    .uid(uids.of("sink-training-parquet"))
                    .name("sink: training records (Parquet)");
        }

        DataStream<DeadLetterRecord> deadLetters =
                fields.withDeadLetters(
                        parsed.getSideOutput(OutputTags.DEAD_LETTERS)
                                .union(
                                        normalized.getSideOutput(OutputTags.DEAD_LETTERS),
                                        tokenized.getSideOutput(OutputTags.DEAD_LETTERS)));
        for (DataStream<DeadLetterRecord> more : annotated.deadLetters()) {
            deadLetters = deadLetters.union(more);
        }
        deadLetters.sinkTo(sinks.deadLetters()).uid(uids.of("sink-dlq")).name("sink: dead letters");
    }
}

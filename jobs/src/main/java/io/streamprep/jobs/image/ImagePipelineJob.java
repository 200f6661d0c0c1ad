package io.streamprep.jobs.image;

import io.streamprep.jobs.text.ClassBalanceStage;
import io.streamprep.jobs.text.Uids;
import io.streamprep.operators.balance.ImageBalanceAccess;
import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.image.ImageDedupFunction;
import io.streamprep.operators.image.ImageFetchedParseFunction;
import io.streamprep.operators.image.ImageHttpSettings;
import io.streamprep.operators.image.ImageNearDedupSettings;
import io.streamprep.operators.image.ImageNormalizeFunction;
import io.streamprep.operators.image.ImageOutputFunction;
import io.streamprep.operators.image.ImageParseFunction;
import io.streamprep.operators.image.ImageSettings;
import io.streamprep.operators.image.augment.ImageAugmentFunction;
import io.streamprep.operators.image.augment.ImageAugmentPolicy;
import io.streamprep.operators.parse.EventTimes;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.operators.tokenize.TextTokenizer;
import io.streamprep.operators.tokenize.TokenizerSettings;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.config.BalanceOptions;
import io.streamprep.schemas.config.DedupOptions;
import io.streamprep.schemas.config.ImageOptions;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.config.SourceOptions;
import io.streamprep.schemas.config.ValidationOptions;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.ImageEvent;
import io.streamprep.schemas.records.ImageTrainingRecord;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.serde.BulkStringTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The image pipeline ({@code pipeline.kind: IMAGE}): parse + validate (header checked before any
 * decoding; {@code http(s)} images fetched first through Async I/O when enabled) → decode +
 * normalize → exact dedup on the pixels → near dedup on the pHash → class balance → augment →
 * caption tokens + split → sinks, with dead letters and duplicates collected from every stage and
 * under-sampled images on the sampled-out sink.
 *
 * <p>Like the text job it takes its source and sinks from outside, and every operator has a stable
 * uid {@code <pipeline.uid-prefix>-image-<stage>}.
 */
public final class ImagePipelineJob {

    private final ReadableConfig options;
    private final Source<RawRecord, ?, ?> source;
    private final ImagePipelineSinks sinks;

    public ImagePipelineJob(
            ReadableConfig options, Source<RawRecord, ?, ?> source, ImagePipelineSinks sinks) {
        this.options = Objects.requireNonNull(options, "options");
        this.source = Objects.requireNonNull(source, "source");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
    }

    /** Adds the pipeline to the environment; bad options fail here, before the job runs. */
    public void build(StreamExecutionEnvironment env) {
        Uids uids = new Uids(options.get(PipelineOptions.UID_PREFIX) + "-image");
        long seed = options.get(PipelineOptions.SEED);
        ImageSettings settings = ImageSettings.fromConfig(options);
        ImageAugmentPolicy augment = ImageAugmentPolicy.fromConfig(options);
        TokenizerSettings tokenizer = TokenizerSettings.fromConfig(options);
        ImageNearDedupSettings near = ImageNearDedupSettings.fromConfig(options);
        ImageHttpSettings http = ImageHttpSettings.fromConfig(options);
        TextTokenizer.validate(tokenizer);

        WatermarkStrategy<RawRecord> watermarks =
                WatermarkStrategy.<RawRecord>forBoundedOutOfOrderness(
                                options.get(SourceOptions.WATERMARK_OUT_OF_ORDERNESS))
                        .withTimestampAssigner((record, previous) -> EventTimes.of(record))
                        .withIdleness(options.get(SourceOptions.WATERMARK_IDLE_TIMEOUT));
        DataStream<RawRecord> raw =
                env.fromSource(source, watermarks, "image source")
                        .uid(uids.of("source"))
                        .name("image source");

        SingleOutputStreamOperator<ImageEvent> parsed =
                raw.process(
                                new ImageParseFunction(
                                        settings,
                                        options.get(ValidationOptions.LABELS),
                                        options.get(ValidationOptions.LABEL_REQUIRED),
                                        http.enabled()))
                        .uid(uids.of("parse"))
                        .name("image parse + validate");
        List<DataStream<DeadLetterRecord>> deadLetters = new ArrayList<>();
        deadLetters.add(parsed.getSideOutput(OutputTags.DEAD_LETTERS));
        DataStream<ImageEvent> ingested = parsed;
        if (http.enabled()) {
            SingleOutputStreamOperator<ImageEvent> fetched =
                    ImageFetchStage.apply(
                            parsed.getSideOutput(ImageParseFunction.REMOTE),
                            http,
                            new ImageFetchedParseFunction(
                                    settings,
                                    options.get(ValidationOptions.LABELS),
                                    options.get(ValidationOptions.LABEL_REQUIRED)),
                            uids);
            deadLetters.add(fetched.getSideOutput(OutputTags.DEAD_LETTERS));
            ingested = parsed.union(fetched);
        }

        SingleOutputStreamOperator<ImageEvent> normalized =
                ingested.process(new ImageNormalizeFunction(settings))
                        .uid(uids.of("normalize"))
                        .name("image decode + normalize");

        List<DataStream<DuplicateRecord>> duplicates = new ArrayList<>();
        DataStream<ImageEvent> unique = normalized;
        if (options.get(DedupOptions.EXACT_ENABLED)) {
            SingleOutputStreamOperator<ImageEvent> deduplicated =
                    normalized
                            // written with every state entry and timer of each snapshot
                            .keyBy(ImageEvent::fingerprint, BulkStringTypeInfo.INSTANCE)
                            .process(
                                    new ImageDedupFunction(
                                            options.get(DedupOptions.EXACT_WINDOW),
                                            options.get(DedupOptions.STATE_TTL)))
                            .uid(uids.of("dedup-exact"))
                            .name("image exact dedup");
            duplicates.add(deduplicated.getSideOutput(OutputTags.DUPLICATES));
            unique = deduplicated;
        }
        if (options.get(ImageOptions.NEAR_DEDUP_ENABLED)) {
            SingleOutputStreamOperator<ImageEvent> nearUnique =
                    ImageNearDedupStage.apply(unique, near, uids);
            duplicates.add(nearUnique.getSideOutput(OutputTags.DUPLICATES));
            unique = nearUnique;
        }
        if (!duplicates.isEmpty()) {
            DataStream<DuplicateRecord> all = duplicates.get(0);
            for (DataStream<DuplicateRecord> more : duplicates.subList(1, duplicates.size())) {
                all = all.union(more);
            }
            all.sinkTo(sinks.duplicates()).uid(uids.of("sink-duplicates")).name("sink: duplicates");
        }

        DataStream<ImageEvent> balanced =
                ClassBalanceStage.apply(
                        unique, ImageBalanceAccess.INSTANCE, options, uids, sinks.sampledOut());

        DataStream<ImageEvent> augmented = balanced;
        if (augment.makesVariants()
                || (options.get(BalanceOptions.ENABLED) && augment.maxVariants() > 0)) {
            augmented =
                    balanced.process(new ImageAugmentFunction(augment, seed, settings.background()))
                            .uid(uids.of("augment"))
                            .name("image augment");
        }

        SingleOutputStreamOperator<ImageTrainingRecord> output =
                augmented
                        .process(
                                new ImageOutputFunction(
                                        settings,
                                        tokenizer,
                                        SplitAssigner.fromConfig(options, seed),
                                        new LabelIndex(options.get(ValidationOptions.LABELS))))
                        .uid(uids.of("output"))
                        .name("image encode + caption tokens + split");
        output.sinkTo(sinks.training())
                .uid(uids.of("sink-training"))
                .name("sink: image training records");

        deadLetters.add(normalized.getSideOutput(OutputTags.DEAD_LETTERS));
        deadLetters.add(output.getSideOutput(OutputTags.DEAD_LETTERS));
        DataStream<DeadLetterRecord> allDeadLetters = deadLetters.get(0);
        for (DataStream<DeadLetterRecord> more : deadLetters.subList(1, deadLetters.size())) {
            allDeadLetters = allDeadLetters.union(more);
        }
        allDeadLetters
                .sinkTo(sinks.deadLetters())
                .uid(uids.of("sink-dlq"))
                .name("sink: dead letters");
    }
}

package io.streamprep.jobs.text;

import io.streamprep.operators.annotation.AgreementFunction;
import io.streamprep.operators.annotation.AnnotationJoinFunction;
import io.streamprep.operators.annotation.AnnotationSignal;
import io.streamprep.operators.annotation.AnnotationTags;
import io.streamprep.operators.annotation.DecisionRouter;
import io.streamprep.operators.annotation.JoinRules;
import io.streamprep.operators.annotation.LabelDecision;
import io.streamprep.operators.annotation.NeedsLabelFunction;
import io.streamprep.operators.annotation.RequestRanking;
import io.streamprep.operators.annotation.RequestRankingFunction;
import io.streamprep.operators.annotation.SignalParseFunction;
import io.streamprep.operators.annotation.SignalParser;
import io.streamprep.operators.annotation.VoteFunction;
import io.streamprep.operators.annotation.VoteModelFunction;
import io.streamprep.operators.annotation.VotedEvent;
import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.weaklabel.LabelingFunctions;
import io.streamprep.schemas.config.AnnotationOptions;
import io.streamprep.schemas.config.WeakLabelOptions;
import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.TextEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Wires the weak-label and annotation stages between dedup and the later stages. With both disabled
 * (the default) it returns its input unchanged and adds no operator.
 */
final class AnnotationStage {

    /**
     * What the stage hands back.
     *
     * @param events records that continue down the pipeline
     * @param deadLetters rejected labels and feedback
     */
    record Result(DataStream<TextEvent> events, List<DataStream<DeadLetterRecord>> deadLetters) {}

    private AnnotationStage() {}

    static Result apply(
            DataStream<TextEvent> input,
            ReadableConfig options,
            Uids uids,
            AnnotationIo io,
            WatermarkStrategy<RawRecord> watermarks) {
        boolean weak = options.get(WeakLabelOptions.ENABLED);
        boolean annotate = options.get(AnnotationOptions.ENABLED);
        if (!weak && !annotate) {
            return new Result(input, List.of());
        }
        if (annotate && io == null) {
            throw new IllegalArgumentException(
                    AnnotationOptions.ENABLED.key() + " needs the annotation inputs and outputs");
        }
        Duration ttl = options.get(AnnotationOptions.STATE_TTL);
        DataStream<TextEvent> continuing;
        DataStream<LabelDecision> toAnnotate;
        if (weak) {
            SingleOutputStreamOperator<VotedEvent> voted =
                    input.process(new VoteFunction(LabelingFunctions.fromConfig(options)))
                            .uid(uids.of("weak-labels-vote"))
                            .name("weak labels: vote");
            Duration window = options.get(WeakLabelOptions.WINDOW);
            SingleOutputStreamOperator<TextEvent> routed =
                    voted.keyBy(VoteModelFunction.windowKey(window), Types.LONG)
                            .process(
                                    new VoteModelFunction(
                                            options.get(WeakLabelOptions.MODEL)
                                                    == WeakLabelOptions.Model.DAWID_SKENE,
                                            window,
                                            options.get(WeakLabelOptions.EM_ITERATIONS),
                                            ttl,
                                            "weak_labels"))
                            .uid(uids.of("weak-labels-model"))
                            .name("weak labels: label model")
                            .process(
                                    new DecisionRouter(
                                            annotate
                                                    ? DecisionRouter.Mode.TO_ANNOTATION
                                                    : DecisionRouter.Mode.PASS_UNLABELLED,
                                            options.get(WeakLabelOptions.MIN_CONFIDENCE),
                                            "weak_labels"))
                            .uid(uids.of("weak-labels-route"))
                            .name("weak labels: apply");
            continuing = routed.union(voted.getSideOutput(VoteFunction.LABELLED));
            toAnnotate = routed.getSideOutput(AnnotationTags.NEEDS_ANNOTATION);
        } else {
            SingleOutputStreamOperator<TextEvent> split =
                    input.process(new NeedsLabelFunction())
                            .uid(uids.of("annotation-select"))
                            .name("annotation: select unlabelled");
            continuing = split;
            toAnnotate = split.getSideOutput(AnnotationTags.NEEDS_ANNOTATION);
        }
        if (!annotate) {
            return new Result(continuing, List.of());
        }

        List<DataStream<DeadLetterRecord>> deadLetters = new ArrayList<>();
        DataStream<AnnotationSignal> signals =
                signals(input.getExecutionEnvironment(), io, uids, watermarks, deadLetters);
        Duration window = options.get(AnnotationOptions.WINDOW);
        int votesRequired = options.get(AnnotationOptions.VOTES_REQUIRED);
        SingleOutputStreamOperator<VotedEvent> joined =
                toAnnotate
                        .keyBy(LabelDecision::id, Types.STRING)
                        .connect(signals.keyBy(AnnotationSignal::id, Types.STRING))
                        .process(
                                new AnnotationJoinFunction(
                                        JoinRules.of(
                                                votesRequired,
                                                options.get(AnnotationOptions.TIMEOUT),
                                                window),
                                        ttl),
                                TypeInformation.of(VotedEvent.class))
                        .uid(uids.of("annotation-join"))
                        .name("annotation: hold + join labels");

        joined.getSideOutput(AnnotationTags.REQUESTS)
                .keyBy(AnnotationRequest::window, Types.LONG)
                .process(
                        new RequestRankingFunction(
                                new RequestRanking(
                                        options.get(AnnotationOptions.RANK_BY),
                                        options.get(AnnotationOptions.TOP_K)),
                                window,
                                ttl))
                .uid(uids.of("annotation-rank"))
                .name("annotation: rank requests")
                .sinkTo(io.requests())
                .uid(uids.of("sink-annotation-requests"))
                .name("sink: annotation requests");

        joined.keyBy(AgreementFunction.ALL, Types.INT)
                .process(new AgreementFunction(votesRequired))
                .uid(uids.of("annotation-agreement"))
                .name("annotation: agreement");

        SingleOutputStreamOperator<TextEvent> humanLabelled =
                joined.keyBy(VoteModelFunction.windowKey(window), Types.LONG)
                        .process(
                                new VoteModelFunction(
                                        options.get(AnnotationOptions.AGGREGATION)
                                                == AnnotationOptions.Aggregation.DAWID_SKENE,
                                        window,
                                        options.get(WeakLabelOptions.EM_ITERATIONS),
                                        ttl,
                                        "annotation"))
                        .uid(uids.of("annotation-aggregate"))
                        .name("annotation: aggregate votes")
                        .process(
                                new DecisionRouter(
                                        DecisionRouter.Mode.EXPIRE,
                                        options.get(AnnotationOptions.MIN_AGREEMENT),
                                        "annotation"))
                        .uid(uids.of("annotation-apply"))
                        .name("annotation: apply labels");

        DataStream<ExpiredAnnotation> expired =
                joined.getSideOutput(AnnotationTags.EXPIRED)
                        .union(humanLabelled.getSideOutput(AnnotationTags.EXPIRED));
        expired.sinkTo(io.expired())
                .uid(uids.of("sink-annotation-expired"))
                .name("sink: annotation expired");

        return new Result(continuing.union(humanLabelled), deadLetters);
    }

    private static DataStream<AnnotationSignal> signals(
            StreamExecutionEnvironment env,
            AnnotationIo io,
            Uids uids,
            WatermarkStrategy<RawRecord> watermarks,
            List<DataStream<DeadLetterRecord>> deadLetters) {
        List<DataStream<AnnotationSignal>> parts = new ArrayList<>();
        add(env, io.labels(), SignalParser.Kind.LABEL, uids, watermarks, parts, deadLetters);
        add(env, io.feedback(), SignalParser.Kind.FEEDBACK, uids, watermarks, parts, deadLetters);
        if (parts.isEmpty()) {
            return env.fromData(
                            List.<AnnotationSignal>of(), TypeInformation.of(AnnotationSignal.class))
                    .uid(uids.of("annotation-no-signals"))
                    .name("no labels or feedback");
        }
        DataStream<AnnotationSignal> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.union(parts.get(i));
        }
        return all;
    }

    private static void add(
            StreamExecutionEnvironment env,
            Source<RawRecord, ?, ?> source,
            SignalParser.Kind kind,
            Uids uids,
            WatermarkStrategy<RawRecord> watermarks,
            List<DataStream<AnnotationSignal>> parts,
            List<DataStream<DeadLetterRecord>> deadLetters) {
        if (source == null) {
            return;
        }
        String stage = kind.stage();
        SingleOutputStreamOperator<AnnotationSignal> parsed =
                env.fromSource(source, watermarks, stage + " source")
                        .uid(uids.of("source-" + stage))
                        .name("source: " + stage)
                        .process(new SignalParseFunction(kind))
                        .uid(uids.of("parse-" + stage))
                        .name("parse " + stage);
        parts.add(parsed);
        deadLetters.add(parsed.getSideOutput(OutputTags.DEAD_LETTERS));
    }
}

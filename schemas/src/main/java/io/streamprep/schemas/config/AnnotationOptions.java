package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** The human annotation loop: requests, human labels, model feedback, agreement. */
public final class AnnotationOptions {

    /** How several annotators' votes become one label. */
    public enum Aggregation {
        MAJORITY,
        DAWID_SKENE
    }

    /** The uncertainty score that orders annotation requests. */
    public enum RankBy {
        ENTROPY,
        MARGIN
    }

    public static final ConfigOption<Boolean> ENABLED =
            key("annotation.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Hold unlabelled (or weakly labelled below weak-labels.min-confidence) "
                                    + "records, request human labels for them and join the labels "
                                    + "back.");

    public static final ConfigOption<Integer> VOTES_REQUIRED =
            key("annotation.votes-required")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Human votes (from distinct annotators) that complete a record's "
                                    + "labelling.");

    public static final ConfigOption<Duration> TIMEOUT =
            key("annotation.timeout")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "Event time a record is held awaiting votes. Then it is labelled from "
                                    + "the votes it has, or, with none, expires to "
                                    + "annotation-expired (reason timeout).");

    public static final ConfigOption<Aggregation> AGGREGATION =
            key("annotation.aggregation")
                    .enumType(Aggregation.class)
                    .defaultValue(Aggregation.MAJORITY)
                    .withDescription(
                            "MAJORITY, or DAWID_SKENE (annotator reliabilities estimated by EM over "
                                    + "the records completed in the same annotation.window).");

    public static final ConfigOption<Double> MIN_AGREEMENT =
            key("annotation.min-agreement")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "Least confidence of the aggregated human label; below it, or on a tie, "
                                    + "the record expires with reason no_agreement.");

    public static final ConfigOption<Duration> WINDOW =
            key("annotation.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Event-time window of the request queue (top-k per window) and of "
                                    + "DAWID_SKENE aggregation.");

    public static final ConfigOption<Integer> TOP_K =
            key("annotation.top-k")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Requests emitted per window, most uncertain first (ties by id); 0 for "
                                    + "all.");

    public static final ConfigOption<RankBy> RANK_BY =
            key("annotation.rank-by")
                    .enumType(RankBy.class)
                    .defaultValue(RankBy.ENTROPY)
                    .withDescription(
                            "ENTROPY (normalized, higher first) or MARGIN (top-two probability "
                                    + "gap, lower first).");

    public static final ConfigOption<Duration> STATE_TTL =
            key("annotation.state-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "Safety-net time-to-live (processing time) of held records, votes and "
                                    + "feedback; timers normally clear them after "
                                    + "annotation.timeout.");

    public static final ConfigOption<String> KAFKA_LABELS_TOPIC =
            key("annotation.kafka.topic.labels")
                    .stringType()
                    .defaultValue("streamprep-labels")
                    .withDescription(
                            "Input topic of human labels {id, label, annotator, ts} (source.type "
                                    + "KAFKA; read from source.kafka.bootstrap-servers).");

    public static final ConfigOption<String> KAFKA_FEEDBACK_TOPIC =
            key("annotation.kafka.topic.feedback")
                    .stringType()
                    .defaultValue("streamprep-model-feedback")
                    .withDescription(
                            "Input topic of model feedback {id, probabilities, ts} (source.type "
                                    + "KAFKA).");

    public static final ConfigOption<String> KAFKA_START =
            key("annotation.kafka.start")
                    .stringType()
                    .defaultValue("earliest")
                    .withDescription(
                            "Start position of the labels and feedback topics (forms as "
                                    + "source.kafka.start).");

    public static final ConfigOption<String> KAFKA_STOP =
            key("annotation.kafka.stop")
                    .stringType()
                    .defaultValue("never")
                    .withDescription(
                            "Stop position of the labels and feedback topics (forms as "
                                    + "source.kafka.stop).");

    public static final ConfigOption<String> KAFKA_REQUESTS_TOPIC =
            key("annotation.kafka.topic.requests")
                    .stringType()
                    .defaultValue("streamprep-annotation-requests")
                    .withDescription("Output topic of annotation requests (sink.type KAFKA).");

    public static final ConfigOption<String> KAFKA_EXPIRED_TOPIC =
            key("annotation.kafka.topic.expired")
                    .stringType()
                    .defaultValue("streamprep-annotation-expired")
                    .withDescription(
                            "Output topic of held records that expired and of labels for unknown "
                                    + "ids (sink.type KAFKA).");

    public static final ConfigOption<String> LABELS_PATH =
            key("annotation.file.labels")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "JSONL file or folder of human labels (source.type FILE). Unset: no "
                                    + "human labels.");

    public static final ConfigOption<String> FEEDBACK_PATH =
            key("annotation.file.feedback")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "JSONL file or folder of model feedback (source.type FILE). Unset: no "
                                    + "feedback.");

    private AnnotationOptions() {}
}

package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/** Weak supervision: labelling functions and the label model that combines their votes. */
public final class WeakLabelOptions {

    /** How the votes of the labelling functions become one label. */
    public enum Model {
        MAJORITY,
        DAWID_SKENE
    }

    public static final ConfigOption<Boolean> ENABLED =
            key("weak-labels.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Label unlabelled records with labelling functions. Records that "
                                    + "arrive with a label pass through unchanged.");

    public static final ConfigOption<List<String>> KEYWORDS =
            key("weak-labels.keywords")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Keyword labelling functions, one per entry '<label>=<word>|<word>|...': "
                                    + "votes the label when the text contains one of the words or "
                                    + "phrases (case-insensitive, whole words), else abstains.");

    public static final ConfigOption<List<String>> PATTERNS =
            key("weak-labels.patterns")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Regular-expression labelling functions, one per entry "
                                    + "'<label>=<java regex>': votes the label when the regex is "
                                    + "found in the text, else abstains.");

    public static final ConfigOption<String> LOOKUP_PATH =
            key("weak-labels.lookup.path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Distant supervision: a UTF-8 file of '<term><TAB><label>' lines. The "
                                    + "lookup function votes the label most of the text's terms map "
                                    + "to (whole words, case-insensitive); abstains on no match or a "
                                    + "tie.");

    public static final ConfigOption<Model> MODEL =
            key("weak-labels.model")
                    .enumType(Model.class)
                    .defaultValue(Model.MAJORITY)
                    .withDescription(
                            "MAJORITY: the most voted label, confidence its share of the votes "
                                    + "(decided at once). DAWID_SKENE: per event-time window, the "
                                    + "functions' accuracies are estimated by EM from that window's "
                                    + "votes and the label is the posterior's maximum (decided when "
                                    + "the watermark passes the window).");

    public static final ConfigOption<Duration> WINDOW =
            key("weak-labels.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Event-time window whose votes DAWID_SKENE fits its accuracies on.");

    public static final ConfigOption<Integer> EM_ITERATIONS =
            key("weak-labels.em-iterations")
                    .intType()
                    .defaultValue(100)
                    .withDescription("Maximum EM iterations of DAWID_SKENE per window.");

    public static final ConfigOption<Double> MIN_CONFIDENCE =
            key("weak-labels.min-confidence")
                    .doubleType()
                    .defaultValue(0.7)
                    .withDescription(
                            "Labels with a lower confidence are not applied: the record goes to "
                                    + "annotation when annotation.enabled, else on unlabelled.");

    private WeakLabelOptions() {}
}

package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;

/**
 * Text augmentation policy: EDA (synonym replacement, random insertion, swap, deletion) and
 * back-translation through an Apertium APy server. Disabled by default.
 */
public final class AugmentOptions {

    public static final ConfigOption<Boolean> ENABLED =
            key("augment.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Add augmented variants of every original record after exact dedup. "
                                    + "Originals always pass through unchanged (variant 0).");

    public static final ConfigOption<Integer> MAX_VARIANTS =
            key("augment.max-variants")
                    .intType()
                    .defaultValue(16)
                    .withDescription(
                            "Upper bound of augmented variants of one record (EDA and "
                                    + "back-translation together), after adding the extra "
                                    + "variants requested by class balancing.");

    public static final ConfigOption<Boolean> EDA_ENABLED =
            key("augment.eda.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Produce EDA variants (with augment.enabled).");

    public static final ConfigOption<Integer> EDA_VARIANTS =
            key("augment.eda.variants")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "EDA variants per original record, for classes not listed "
                                    + "in augment.eda.variants-per-class.");

    public static final ConfigOption<Map<String, String>> EDA_VARIANTS_PER_CLASS =
            key("augment.eda.variants-per-class")
                    .mapType()
                    .defaultValue(Map.of())
                    .withDescription(
                            "EDA variants per original record by label, e.g. "
                                    + "'noun.motive:4,adj.all:0'. Unlabelled records use "
                                    + "augment.eda.variants.");

    public static final ConfigOption<List<String>> EDA_OPERATIONS =
            key("augment.eda.operations")
                    .stringType()
                    .asList()
                    .defaultValues(
                            "synonym_replace", "random_insert", "random_swap", "random_delete")
                    .withDescription(
                            "EDA operations to use, from synonym_replace, random_insert, "
                                    + "random_swap, random_delete. Each variant applies every listed "
                                    + "operation with its probability (in this fixed order), and one "
                                    + "of them chosen at random when none was drawn.");

    public static final ConfigOption<Double> SYNONYM_REPLACE_ALPHA =
            alpha("synonym-replace", "share of words replaced by a WordNet synonym");
    public static final ConfigOption<Double> SYNONYM_REPLACE_PROBABILITY =
            probability("synonym-replace");
    public static final ConfigOption<Double> RANDOM_INSERT_ALPHA =
            alpha("random-insert", "synonyms inserted, as a share of the word count");
    public static final ConfigOption<Double> RANDOM_INSERT_PROBABILITY =
            probability("random-insert");
    public static final ConfigOption<Double> RANDOM_SWAP_ALPHA =
            alpha("random-swap", "word swaps, as a share of the word count");
    public static final ConfigOption<Double> RANDOM_SWAP_PROBABILITY = probability("random-swap");
    public static final ConfigOption<Double> RANDOM_DELETE_ALPHA =
            alpha("random-delete", "probability of deleting each word");
    public static final ConfigOption<Double> RANDOM_DELETE_PROBABILITY =
            probability("random-delete");

    public static final ConfigOption<Boolean> BACKTRANSLATE_ENABLED =
            key("augment.backtranslate.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Add one back-translated variant per original record (with "
                                    + "augment.enabled), through the Apertium APy server at "
                                    + "augment.backtranslate.url.");

    public static final ConfigOption<String> BACKTRANSLATE_URL =
            key("augment.backtranslate.url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:2737")
                    .withDescription("Base URL of the Apertium APy server (its /translate).");

    public static final ConfigOption<String> BACKTRANSLATE_LANGPAIR =
            key("augment.backtranslate.langpair")
                    .stringType()
                    .defaultValue("eng|spa")
                    .withDescription(
                            "APy language pair 'source|pivot': texts go source -> pivot -> source.");

    public static final ConfigOption<List<String>> BACKTRANSLATE_CLASSES =
            key("augment.backtranslate.classes")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Labels to back-translate; empty for every record (labelled or not).");

    public static final ConfigOption<Integer> BACKTRANSLATE_MAX_CHARS =
            key("augment.backtranslate.max-chars")
                    .intType()
                    .defaultValue(900)
                    .withDescription(
                            "Longer texts are not back-translated (counted as "
                                    + "augment.mt_too_long). APy cuts requests over about 1000 "
                                    + "characters into parts at positions that depend on its load, "
                                    + "which would make the result non-deterministic.");

    public static final ConfigOption<Duration> BACKTRANSLATE_TIMEOUT =
            key("augment.backtranslate.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Timeout of one HTTP request to the MT server.");

    public static final ConfigOption<Integer> BACKTRANSLATE_RETRIES =
            key("augment.backtranslate.retries")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Retries of a failed request before the variant is skipped.");

    public static final ConfigOption<Duration> BACKTRANSLATE_BACKOFF =
            key("augment.backtranslate.retry-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription("Wait before the first retry; doubles with every retry.");

    public static final ConfigOption<Integer> BACKTRANSLATE_CAPACITY =
            key("augment.backtranslate.capacity")
                    .intType()
                    .defaultValue(64)
                    .withDescription(
                            "Records in flight per parallel instance of the back-translation "
                                    + "operator (Async I/O capacity); further records wait "
                                    + "(backpressure). Keep it at least twice "
                                    + "augment.backtranslate.batch.max-sentences so that full "
                                    + "batches form.");

    public static final ConfigOption<Integer> BACKTRANSLATE_BATCH_MAX_SENTENCES =
            key("augment.backtranslate.batch.max-sentences")
                    .intType()
                    .defaultValue(16)
                    .withDescription(
                            "Texts of different records sent together in one APy request (per "
                                    + "leg and parallel instance); 1 sends every text alone. "
                                    + "Texts are separated by numbered <br> tags, which APy "
                                    + "treats as sentence ends, so a text's translation does not "
                                    + "depend on its batch neighbours.");

    public static final ConfigOption<Integer> BACKTRANSLATE_BATCH_MAX_CHARS =
            key("augment.backtranslate.batch.max-chars")
                    .intType()
                    .defaultValue(1000)
                    .withDescription(
                            "Upper bound of one batched request's text, separators included. "
                                    + "APy cuts a request over 1000 characters (4096 bytes while "
                                    + "at most two requests use the language pair) into parts "
                                    + "that it translates separately, possibly inside a text, so "
                                    + "larger values can change translations.");

    public static final ConfigOption<Duration> BACKTRANSLATE_BATCH_MAX_DELAY =
            key("augment.backtranslate.batch.max-delay")
                    .durationType()
                    .defaultValue(Duration.ofMillis(20))
                    .withDescription(
                            "How long a text waits for more texts before its batch is sent "
                                    + "anyway (processing time).");

    public static final ConfigOption<Integer> BACKTRANSLATE_BREAKER_FAILURES =
            key("augment.backtranslate.breaker.failures")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "Consecutive failed requests (after their retries; a batch is one "
                                    + "request) after which the circuit breaker opens: records "
                                    + "are then skipped without calling the server.");

    public static final ConfigOption<Duration> BACKTRANSLATE_BREAKER_COOLDOWN =
            key("augment.backtranslate.breaker.cooldown")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "How long an open circuit breaker skips records before it lets one "
                                    + "trial request through.");

    private static ConfigOption<Double> alpha(String op, String what) {
        return key("augment.eda." + op + ".alpha")
                .doubleType()
                .defaultValue(0.1)
                .withDescription("EDA alpha of " + op + ": " + what + " (0..1).");
    }

    private static ConfigOption<Double> probability(String op) {
        return key("augment.eda." + op + ".probability")
                .doubleType()
                .defaultValue(0.5)
                .withDescription("Probability that an EDA variant applies " + op + " (0..1).");
    }

    private AugmentOptions() {}
}

package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/** Structured {@code meta} fields: declarations, statistics mode and the statistics file. */
public final class FieldOptions {

    /** Where the statistics that treatments use come from. */
    public enum StatsMode {
        ONLINE,
        FROZEN
    }

    public static final ConfigOption<List<String>> DECLARED =
            key("fields.declared")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Declared meta fields, one per item: 'name: type, option, ...' with "
                                    + "type numeric, categorical, boolean or timestamp and options "
                                    + "required, missing=drop|keep|mean|median|mode|constant:V, "
                                    + "outliers=zscore:K:flag|drop or iqr:K:flag|drop, "
                                    + "scale=minmax|zscore, vocab=a|b|c, encode=ordinal|onehot. "
                                    + "Empty: the stage is skipped and outputs are unchanged. "
                                    + "See the README section 'Structured fields'.");

    public static final ConfigOption<StatsMode> STATS_MODE =
            key("fields.stats.mode")
                    .enumType(StatsMode.class)
                    .defaultValue(StatsMode.ONLINE)
                    .withDescription(
                            "ONLINE: running statistics per parallel subtask, updated by every "
                                    + "record (order-dependent: not reproducible across "
                                    + "parallelism or replays). FROZEN: statistics loaded from "
                                    + "fields.stats.file and never updated (deterministic).");

    public static final ConfigOption<String> STATS_FILE =
            key("fields.stats.file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The field-stats.json to load in FROZEN mode, e.g. the one a "
                                    + "bounded backfill run wrote.");

    public static final ConfigOption<String> STATS_OUTPUT =
            key("fields.stats.output")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Where a bounded run writes the statistics of every observed "
                                    + "declared field at the end of its input. Unset: "
                                    + "field-stats.json in the output folder of the FILE sink; "
                                    + "not written for the KAFKA sink.");

    public static final ConfigOption<Integer> MIN_COUNT =
            key("fields.stats.min-count")
                    .intType()
                    .defaultValue(30)
                    .withDescription(
                            "ONLINE mode: outliers are only judged once a field has this many "
                                    + "observed values.");

    private FieldOptions() {}
}

package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/** Train/validation/test assignment. */
public final class SplitOptions {

    public static final ConfigOption<Double> TRAIN =
            key("split.train")
                    .doubleType()
                    .defaultValue(0.8)
                    .withDescription("Share of source records in the train split.");

    public static final ConfigOption<Double> VALIDATION =
            key("split.validation")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription("Share of source records in the validation split.");

    public static final ConfigOption<Double> TEST =
            key("split.test")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription(
                            "Share of source records in the test split. The three shares must add "
                                    + "up to 1.");

    private SplitOptions() {}
}

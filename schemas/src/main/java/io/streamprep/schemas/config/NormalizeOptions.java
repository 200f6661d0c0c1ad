package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/** Text normalization and length filters. */
public final class NormalizeOptions {

    public static final ConfigOption<Boolean> HTML =
            key("normalize.html")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Turn HTML into its visible text (jsoup); text without markup is left "
                                    + "as it is.");

    public static final ConfigOption<Boolean> NFKC =
            key("normalize.nfkc")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Apply Unicode NFKC normalization.");

    public static final ConfigOption<Boolean> STRIP_CONTROL =
            key("normalize.strip-control")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Remove control and format characters (keeping whitespace, which is "
                                    + "collapsed separately).");

    public static final ConfigOption<Boolean> COLLAPSE_WHITESPACE =
            key("normalize.collapse-whitespace")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Collapse runs of whitespace to one space and trim.");

    public static final ConfigOption<Boolean> LOWERCASE =
            key("normalize.lowercase")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription("Lower-case the text (Locale.ROOT).");

    public static final ConfigOption<Boolean> PII_EMAIL =
            key("normalize.pii.email")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Replace e-mail addresses with <EMAIL>.");

    public static final ConfigOption<Boolean> PII_PHONE =
            key("normalize.pii.phone")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Replace phone numbers with <PHONE>.");

    public static final ConfigOption<Boolean> PII_IP =
            key("normalize.pii.ip")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Replace IPv4 and IPv6 addresses with <IP>.");

    public static final ConfigOption<Boolean> PII_CREDIT_CARD =
            key("normalize.pii.credit-card")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Replace credit-card numbers that pass the Luhn check with "
                                    + "<CREDIT_CARD>.");

    public static final ConfigOption<Integer> MIN_CHARS =
            key("filter.min-chars")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Dead-letter normalized texts shorter than this many characters "
                                    + "(too_short).");

    public static final ConfigOption<Integer> MAX_CHARS =
            key("filter.max-chars")
                    .intType()
                    .defaultValue(100_000)
                    .withDescription(
                            "Dead-letter normalized texts longer than this many characters "
                                    + "(too_long); 0 for no limit.");

    private NormalizeOptions() {}
}

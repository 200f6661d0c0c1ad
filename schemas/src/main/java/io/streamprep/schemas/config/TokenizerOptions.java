package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/** Tokenization. */
public final class TokenizerOptions {

    /** How to pad token windows. */
    public enum Padding {
        /** No padding; collators pad per batch. */
        NONE,
        /** Pad every window to {@code tokenizer.max-length}. */
        MAX_LENGTH
    }

    /** The tokenizer built into the job jar (BERT uncased WordPiece, 30522 ids). */
    public static final String BUILTIN_BERT_UNCASED = "builtin:bert-base-uncased";

    public static final ConfigOption<String> PATH =
            key("tokenizer.path")
                    .stringType()
                    .defaultValue(BUILTIN_BERT_UNCASED)
                    .withDescription(
                            "A HuggingFace tokenizer.json file, or 'builtin:bert-base-uncased'. "
                                    + "Never downloaded at run time.");

    public static final ConfigOption<Integer> MAX_LENGTH =
            key("tokenizer.max-length")
                    .intType()
                    .defaultValue(128)
                    .withDescription("Tokens per window, special tokens included.");

    public static final ConfigOption<Boolean> TRUNCATION =
            key("tokenizer.truncation")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Cut texts longer than max-length. If false, long texts are emitted "
                                    + "whole.");

    public static final ConfigOption<Boolean> OVERFLOW =
            key("tokenizer.overflow")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Emit the tokens cut by truncation as further windows (window 1, 2, "
                                    + "...) instead of dropping them.");

    public static final ConfigOption<Integer> STRIDE =
            key("tokenizer.stride")
                    .intType()
                    .defaultValue(32)
                    .withDescription("Tokens shared by consecutive overflow windows, for context.");

    public static final ConfigOption<Padding> PADDING =
            key("tokenizer.padding")
                    .enumType(Padding.class)
                    .defaultValue(Padding.NONE)
                    .withDescription("NONE or MAX_LENGTH.");

    public static final ConfigOption<Boolean> ADD_SPECIAL_TOKENS =
            key("tokenizer.add-special-tokens")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Add the tokenizer's special tokens ([CLS], [SEP], ...).");

    public static final ConfigOption<Boolean> TOKEN_TYPE_IDS =
            key("tokenizer.token-type-ids")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Write token_type_ids to the output.");

    private TokenizerOptions() {}
}

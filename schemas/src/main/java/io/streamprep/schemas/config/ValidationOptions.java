package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/** What makes an input record acceptable. */
public final class ValidationOptions {

    public static final ConfigOption<MemorySize> MAX_TEXT_BYTES =
            key("validate.max-text-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("1mb"))
                    .withDescription(
                            "Largest accepted 'text' (UTF-8 bytes); larger ones are dead-lettered "
                                    + "as text_too_large.");

    public static final ConfigOption<List<String>> LABELS =
            key("labels.list")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "The label list: label_id is a label's index in it. A record with a "
                                    + "label not in the list is dead-lettered as unknown_label. "
                                    + "Empty: labels are not checked and label_id is -1. On the "
                                    + "command line separate labels with ';'.");

    public static final ConfigOption<Boolean> LABEL_REQUIRED =
            key("labels.required")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Dead-letter records without a label (missing_label). Unlabelled "
                                    + "records otherwise pass with label_id -1.");

    private ValidationOptions() {}
}

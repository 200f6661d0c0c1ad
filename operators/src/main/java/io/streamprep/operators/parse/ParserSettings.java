package io.streamprep.operators.parse;

import io.streamprep.schemas.config.ValidationOptions;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;

/**
 * What the parse stage accepts.
 *
 * @param maxTextBytes largest accepted {@code text}, in UTF-8 bytes
 * @param labels the configured label list; empty means any label is accepted
 * @param labelRequired whether records without a label are rejected
 */
public record ParserSettings(long maxTextBytes, List<String> labels, boolean labelRequired)
        implements Serializable {

    public ParserSettings {
        if (maxTextBytes <= 0) {
            throw new IllegalArgumentException(
                    ValidationOptions.MAX_TEXT_BYTES.key() + " must be positive");
        }
        labels = List.copyOf(labels);
    }

    public static ParserSettings fromConfig(ReadableConfig config) {
        return new ParserSettings(
                config.get(ValidationOptions.MAX_TEXT_BYTES).getBytes(),
                config.get(ValidationOptions.LABELS),
                config.get(ValidationOptions.LABEL_REQUIRED));
    }
}

package io.streamprep.operators.fields;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One declared {@code meta} field and its treatment, as parsed by {@link FieldSpecs}.
 *
 * @param name the key in {@code meta}
 * @param type the value's type
 * @param missing what to do when the field is absent or null
 * @param outliers how numeric outliers are judged and treated, or {@code null} for not at all
 * @param scaling the scaling of numeric values
 * @param vocabulary the known categories (ids 1..n; 0 is the unknown bucket); empty for
 *     non-categorical fields
 * @param encoding how categories are encoded
 */
public record FieldSpec(
        String name,
        FieldType type,
        Missing missing,
        Outliers outliers,
        Scaling scaling,
        List<String> vocabulary,
        Encoding encoding)
        implements Serializable {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(scaling, "scaling");
        vocabulary = List.copyOf(vocabulary);
        Objects.requireNonNull(encoding, "encoding");
    }

    /** What to do with a missing value. */
    public enum MissingAction {
        DROP,
        KEEP,
        CONSTANT,
        MEAN,
        MEDIAN,
        MODE
    }

    /**
     * A missing-value policy.
     *
     * @param action the action
     * @param constant the imputed value's text for {@link MissingAction#CONSTANT}, else null
     */
    public record Missing(MissingAction action, String constant) implements Serializable {}

    /** How an outlier is judged. */
    public enum OutlierMethod {
        /** Beyond k population standard deviations from the mean. */
        ZSCORE,
        /** Outside [Q1 - k·IQR, Q3 + k·IQR]. */
        IQR
    }

    /**
     * An outlier policy.
     *
     * @param method how outliers are judged
     * @param k the threshold
     * @param drop dead-letter outliers ({@code outlier}) instead of flagging them
     */
    public record Outliers(OutlierMethod method, double k, boolean drop) implements Serializable {}

    /** Scaling of numeric values. */
    public enum Scaling {
        NONE,
        MINMAX,
        ZSCORE
    }

    /** Encoding of categorical values. */
    public enum Encoding {
        ORDINAL,
        ONEHOT
    }

    /** The id of a category: its 1-based position in the vocabulary, 0 if unknown. */
    public int categoryId(String value) {
        return vocabulary.indexOf(value) + 1;
    }

    /** Whether imputation or outlier checks need quantiles of this field. */
    boolean needsQuantiles() {
        return missing.action() == MissingAction.MEDIAN
                || (outliers != null && outliers.method() == OutlierMethod.IQR);
    }
}

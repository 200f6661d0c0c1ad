package io.streamprep.operators.fields;

/**
 * The statistics treatments read: running ({@link FieldStatistics}) or frozen ({@link
 * FrozenStats}).
 */
public interface StatsView {

    /** Statistics of a numeric or timestamp field ({@link NumericSummary#EMPTY} if none). */
    NumericSummary numeric(FieldSpec spec);

    /** The most frequent known category of a categorical or boolean field, or null. */
    String mode(FieldSpec spec);
}

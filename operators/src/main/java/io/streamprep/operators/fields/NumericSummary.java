package io.streamprep.operators.fields;

import java.io.Serializable;

/**
 * The statistics of a numeric field that treatments use: from running {@link NumericStats} or
 * loaded from a frozen statistics file. Quantiles are NaN when not computed or not known.
 *
 * @param count number of observed values
 * @param mean mean
 * @param std population standard deviation
 * @param min minimum
 * @param max maximum
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 */
public record NumericSummary(
        long count,
        double mean,
        double std,
        double min,
        double max,
        double q1,
        double median,
        double q3)
        implements Serializable {

    /** No observed value. */
    public static final NumericSummary EMPTY =
            new NumericSummary(
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN);
}

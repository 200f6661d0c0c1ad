package io.streamprep.operators.annotation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inter-annotator agreement: Cohen's kappa (Cohen, 1960) for two annotators and Fleiss' kappa
 * (Fleiss, 1971) for a fixed number of ratings per item. Both are {@code NaN} when undefined (no
 * items, or chance agreement of 1).
 */
public final class Agreement {

    private Agreement() {}

    /** Cohen's kappa of two annotators' labels for the same items (same order). */
    public static double cohenKappa(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("both annotators must label the same items");
        }
        Map<String, Long> ca = new TreeMap<>();
        Map<String, Long> cb = new TreeMap<>();
        long agree = 0;
        for (int i = 0; i < a.size(); i++) {
            ca.merge(a.get(i), 1L, Long::sum);
            cb.merge(b.get(i), 1L, Long::sum);
            if (a.get(i).equals(b.get(i))) {
                agree++;
            }
        }
        return cohenKappa(a.size(), agree, ca, cb);
    }

    /** Cohen's kappa from counts: items, agreements and each annotator's label counts. */
    public static double cohenKappa(
            long items, long agree, Map<String, Long> countsA, Map<String, Long> countsB) {
        if (items == 0) {
            return Double.NaN;
        }
        double po = (double) agree / items;
        double pe = 0;
        for (Map.Entry<String, Long> e : countsA.entrySet()) {
            pe +=
                    ((double) e.getValue() / items)
                            * ((double) countsB.getOrDefault(e.getKey(), 0L) / items);
        }
        return pe >= 1.0 ? Double.NaN : (po - pe) / (1 - pe);
    }

    /**
     * Fleiss' kappa of a subjects-by-categories table: {@code counts[i][j]} raters put subject i in
     * category j; every row must sum to the same number of raters n >= 2.
     */
    public static double fleissKappa(long[][] counts) {
        if (counts.length == 0) {
            return Double.NaN;
        }
        long n = 0;
        for (long c : counts[0]) {
            n += c;
        }
        long sumSquares = 0;
        Map<String, Long> totals = new TreeMap<>();
        for (long[] row : counts) {
            long rowSum = 0;
            for (int j = 0; j < row.length; j++) {
                rowSum += row[j];
                sumSquares += row[j] * row[j];
                totals.merge(Integer.toString(j), row[j], Long::sum);
            }
            if (rowSum != n) {
                throw new IllegalArgumentException(
                        "every subject needs the same number of ratings");
            }
        }
        return fleissKappa(counts.length, n, sumSquares, totals);
    }

    /**
     * Fleiss' kappa from sums: {@code subjects} rated by {@code n} raters each, {@code sumSquares}
     * = sum over subjects and categories of n_ij squared, {@code categoryTotals} = sum over
     * subjects of n_ij.
     */
    public static double fleissKappa(
            long subjects, long n, long sumSquares, Map<String, Long> categoryTotals) {
        if (subjects == 0 || n < 2) {
            return Double.NaN;
        }
        double pBar = (double) (sumSquares - subjects * n) / ((double) subjects * n * (n - 1));
        double pe = 0;
        for (long total : categoryTotals.values()) {
            double p = (double) total / ((double) subjects * n);
            pe += p * p;
        }
        return pe >= 1.0 ? Double.NaN : (pBar - pe) / (1 - pe);
    }
}

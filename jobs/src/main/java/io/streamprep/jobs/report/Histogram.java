package io.streamprep.jobs.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Equal-width bins over non-negative integer values (text lengths, token counts), for the report's
 * histograms. Pure: the same values always give the same bins.
 *
 * @param lower inclusive lower edge of each bin
 * @param upper exclusive upper edge of each bin
 * @param counts values per bin
 */
public record Histogram(List<Integer> lower, List<Integer> upper, List<Long> counts) {

    /**
     * Splits {@code [0, max]} into at most {@code bins} bins of equal, whole-number width.
     *
     * @throws IllegalArgumentException if {@code bins} is not positive or a value is negative
     */
    public static Histogram of(List<Integer> values, int bins) {
        if (bins <= 0) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        if (values.isEmpty()) {
            return new Histogram(List.of(), List.of(), List.of());
        }
        int max = Collections.max(values);
        if (Collections.min(values) < 0) {
            throw new IllegalArgumentException("values must not be negative");
        }
        int width = Math.max(1, (max + bins) / bins);
        int n = max / width + 1;
        long[] counts = new long[n];
        for (int v : values) {
            counts[v / width]++;
        }
        List<Integer> lower = new ArrayList<>(n);
        List<Integer> upper = new ArrayList<>(n);
        List<Long> countList = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lower.add(i * width);
            upper.add((i + 1) * width);
            countList.add(counts[i]);
        }
        return new Histogram(List.copyOf(lower), List.copyOf(upper), List.copyOf(countList));
    }

    /** Values counted. */
    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** The bin labels, e.g. {@code 0-9}. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(lower.size());
        for (int i = 0; i < lower.size(); i++) {
            labels.add(lower.get(i) + "-" + (upper.get(i) - 1));
        }
        return labels;
    }
}

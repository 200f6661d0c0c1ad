package io.streamprep.operators.balance;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sampling math: from the class counts of one horizon, the rate of each class (output records
 * per input record) that brings the classes to the target distribution.
 *
 * <p>With weights {@code w} (renormalized over the present classes), class counts {@code n} and
 * maximum factor {@code F}, a total output size {@code M} gives each class {@code m = min(w·M,
 * F·n)} records: classes above {@code w·M} are under-sampled to it, classes below it are raised
 * towards it by at most {@code F}. The largest {@code M} at which every class reaches its target
 * exactly is {@code M* = min(F·n / w)}. {@code M} is {@code M*}, or the horizon's input size {@code
 * N = Σn} if that is smaller and the output should keep the input's size. With a tolerance {@code t
 * > 0}, {@code M} grows beyond {@code M*} (up to {@code N} when keeping the input's size) while the
 * total-variation distance from the target stays within {@code t}. A class whose rate is at least 1
 * keeps every record, so no record of a class below its target is ever dropped.
 *
 * <p>Pure and deterministic: the same counts always give bit-identical rates.
 */
public final class BalanceTarget {

    private static final int BISECTION_STEPS = 100;

    private BalanceTarget() {}

    /**
     * @param counts records per class in the horizon (classes with 0 records are ignored)
     * @param weights target weight per class, empty for uniform; classes without a weight are not
     *     in the result
     * @param maxFactor most output records per input record, at least 1
     * @param keepInputSize cap the total output at the total input
     * @param tolerance allowed total-variation distance from the target, in [0, 1)
     * @return the rate per balanced class, sorted by label
     */
    public static SortedMap<String, Double> rates(
            Map<String, Long> counts,
            Map<String, Double> weights,
            double maxFactor,
            boolean keepInputSize,
            double tolerance) {
        TreeMap<String, Long> n = new TreeMap<>();
        TreeMap<String, Double> w = new TreeMap<>();
        double weightSum = 0;
        for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
            Double weight = weights.isEmpty() ? Double.valueOf(1.0) : weights.get(e.getKey());
            if (e.getValue() > 0 && weight != null && weight > 0) {
                n.put(e.getKey(), e.getValue());
                w.put(e.getKey(), weight);
                weightSum += weight;
            }
        }
        TreeMap<String, Double> rates = new TreeMap<>();
        if (n.isEmpty()) {
            return rates;
        }
        for (Map.Entry<String, Double> e : w.entrySet()) {
            e.setValue(e.getValue() / weightSum);
        }
        double reachable = Double.POSITIVE_INFINITY;
        double saturated = 0;
        for (String label : n.keySet()) {
            double limit = maxFactor * n.get(label) / w.get(label);
            reachable = Math.min(reachable, limit);
            saturated = Math.max(saturated, limit);
        }
        double cap = saturated;
        if (keepInputSize) {
            cap = 0;
            for (long count : n.values()) {
                cap += count;
            }
        }
        double total = Math.min(reachable, cap);
        if (tolerance > 0 && reachable < cap && distance(cap, n, w, maxFactor) > tolerance) {
            double lo = reachable;
            double hi = Math.min(saturated, cap);
            for (int i = 0; i < BISECTION_STEPS; i++) {
                double mid = lo + (hi - lo) / 2;
                if (distance(mid, n, w, maxFactor) <= tolerance) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            total = lo;
        } else if (tolerance > 0) {
            total = Math.min(saturated, cap);
        }
        for (String label : n.keySet()) {
            rates.put(label, output(total, n.get(label), w.get(label), maxFactor) / n.get(label));
        }
        return rates;
    }

    /** Total-variation distance between two distributions given as counts or shares. */
    public static double totalVariation(
            Map<String, ? extends Number> a, Map<String, ? extends Number> b) {
        double sumA = a.values().stream().mapToDouble(Number::doubleValue).sum();
        double sumB = b.values().stream().mapToDouble(Number::doubleValue).sum();
        TreeMap<String, Boolean> labels = new TreeMap<>();
        a.keySet().forEach(k -> labels.put(k, true));
        b.keySet().forEach(k -> labels.put(k, true));
        double d = 0;
        for (String label : labels.keySet()) {
            double pa = a.containsKey(label) ? a.get(label).doubleValue() / sumA : 0;
            double pb = b.containsKey(label) ? b.get(label).doubleValue() / sumB : 0;
            d += Math.abs(pa - pb);
        }
        return d / 2;
    }

    private static double output(double total, long n, double w, double maxFactor) {
        return Math.min(w * total, maxFactor * n);
    }

    private static double distance(
            double total, Map<String, Long> n, Map<String, Double> w, double maxFactor) {
        double sum = 0;
        for (String label : n.keySet()) {
            sum += output(total, n.get(label), w.get(label), maxFactor);
        }
        double d = 0;
        for (String label : n.keySet()) {
            d +=
                    Math.abs(
                            output(total, n.get(label), w.get(label), maxFactor) / sum
                                    - w.get(label));
        }
        return d / 2;
    }
}

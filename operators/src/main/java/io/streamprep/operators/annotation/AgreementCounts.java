package io.streamprep.operators.annotation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mergeable sufficient statistics of inter-annotator agreement over completed items: for every pair
 * of annotators, the items both labelled, their agreements and label counts (Cohen's kappa); for
 * every number of ratings n, the subjects, the sum of squared category counts and the category
 * totals (Fleiss' kappa over the subjects with exactly n ratings).
 *
 * <p>All counts live in one sorted map of named counters, so the statistics can be kept in Flink
 * {@code MapState}, merged across subtasks and compared exactly.
 */
public final class AgreementCounts implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final char SEP = '\u001f';

    private final TreeMap<String, Long> counts;

    public AgreementCounts() {
        this(new TreeMap<>());
    }

    public AgreementCounts(Map<String, Long> counts) {
        this.counts = new TreeMap<>(counts);
    }

    /**
     * Adds one item's votes and returns the counters that changed, with their new values.
     *
     * @param annotators who voted (distinct)
     * @param labels their labels, same order
     */
    public Map<String, Long> add(String[] annotators, String[] labels) {
        Map<String, Long> delta = new TreeMap<>();
        int n = annotators.length;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (annotators[x].compareTo(annotators[y]) >= 0) {
                    continue;
                }
                String pair = "p" + SEP + annotators[x] + SEP + annotators[y] + SEP;
                delta.merge(pair + "items", 1L, Long::sum);
                if (labels[x].equals(labels[y])) {
                    delta.merge(pair + "agree", 1L, Long::sum);
                }
                delta.merge(pair + "a" + SEP + labels[x], 1L, Long::sum);
                delta.merge(pair + "b" + SEP + labels[y], 1L, Long::sum);
            }
        }
        if (n >= 2) {
            String fleiss = "f" + SEP + n + SEP;
            Map<String, Long> perCategory = new TreeMap<>();
            for (String label : labels) {
                perCategory.merge(label, 1L, Long::sum);
            }
            long squares = 0;
            for (Map.Entry<String, Long> e : perCategory.entrySet()) {
                squares += e.getValue() * e.getValue();
                delta.merge(fleiss + "c" + SEP + e.getKey(), e.getValue(), Long::sum);
            }
            delta.merge(fleiss + "subjects", 1L, Long::sum);
            delta.merge(fleiss + "squares", squares, Long::sum);
        }
        Map<String, Long> changed = new TreeMap<>();
        delta.forEach((k, v) -> changed.put(k, counts.merge(k, v, Long::sum)));
        return changed;
    }

    /** Adds all of another's counts. */
    public void merge(AgreementCounts other) {
        other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    }

    /** The raw counters. */
    public Map<String, Long> counters() {
        return new TreeMap<>(counts);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Cohen's kappa of every annotator pair that labelled a common item, keyed {@code a|b}. */
    public Map<String, Double> cohenKappas() {
        Map<String, Double> kappas = new TreeMap<>();
        for (String pair : pairs()) {
            String prefix = "p" + SEP + pair + SEP;
            long items = counts.getOrDefault(prefix + "items", 0L);
            long agree = counts.getOrDefault(prefix + "agree", 0L);
            kappas.put(
                    pair.replace(SEP, '|'),
                    Agreement.cohenKappa(
                            items,
                            agree,
                            suffixed(prefix + "a" + SEP),
                            suffixed(prefix + "b" + SEP)));
        }
        return kappas;
    }

    /** The mean of {@link #cohenKappas()} (NaN when none); with two annotators, their kappa. */
    public double meanCohenKappa() {
        return cohenKappas().values().stream()
                .mapToDouble(Double::doubleValue)
                .filter(Double::isFinite)
                .average()
                .orElse(Double.NaN);
    }

    /** Fleiss' kappa over the items with exactly {@code n} ratings (NaN when none). */
    public double fleissKappa(int n) {
        String prefix = "f" + SEP + n + SEP;
        return Agreement.fleissKappa(
                counts.getOrDefault(prefix + "subjects", 0L),
                n,
                counts.getOrDefault(prefix + "squares", 0L),
                suffixed(prefix + "c" + SEP));
    }

    /** Fleiss' kappa per number of ratings seen. */
    public Map<Integer, Double> fleissKappas() {
        Map<Integer, Double> kappas = new TreeMap<>();
        for (String key : counts.keySet()) {
            if (key.startsWith("f" + SEP) && key.endsWith(SEP + "subjects")) {
                int n = Integer.parseInt(key.substring(2, key.indexOf(SEP, 2)));
                kappas.put(n, fleissKappa(n));
            }
        }
        return kappas;
    }

    private List<String> pairs() {
        List<String> pairs = new ArrayList<>();
        for (String key : counts.keySet()) {
            if (key.startsWith("p" + SEP) && key.endsWith(SEP + "items")) {
                pairs.add(key.substring(2, key.length() - "items".length() - 1));
            }
        }
        return pairs;
    }

    private Map<String, Long> suffixed(String prefix) {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Long> e : counts.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.put(e.getKey().substring(prefix.length()), e.getValue());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgreementCounts c && counts.equals(c.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }
}

package io.streamprep.jobs.stats;

import io.streamprep.operators.annotation.AgreementCounts;
import io.streamprep.operators.annotation.AgreementFunction;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code annotation} section of {@code stats.json}: the {@code weak_labels.*} and {@code
 * annotation.*} counters by name, plus {@code kappa_cohen} (per annotator pair {@code a|b}) and
 * {@code kappa_fleiss} (per number of votes per record) computed from the merged agreement counts.
 * Undefined kappas (no items, or chance agreement 1) are left out.
 */
public final class AnnotationStats {

    private AnnotationStats() {}

    static Map<String, Object> fromAccumulators(Map<String, Object> accumulators) {
        Map<String, Object> stats = new TreeMap<>();
        for (Map.Entry<String, Object> e : accumulators.entrySet()) {
            String name = e.getKey();
            if (e.getValue() instanceof Number n
                    && (name.startsWith("weak_labels.") || name.startsWith("annotation."))) {
                stats.put(name, n.longValue());
            }
        }
        if (accumulators.get(AgreementFunction.ACCUMULATOR) instanceof AgreementCounts counts
                && !counts.isEmpty()) {
            stats.put("kappa_cohen", finite(counts.cohenKappas()));
            Map<String, Double> fleiss = new TreeMap<>();
            counts.fleissKappas().forEach((n, k) -> fleiss.put(Integer.toString(n), k));
            stats.put("kappa_fleiss", finite(fleiss));
        }
        return stats;
    }

    private static Map<String, Double> finite(Map<String, Double> kappas) {
        Map<String, Double> out = new TreeMap<>();
        kappas.forEach(
                (k, v) -> {
                    if (Double.isFinite(v)) {
                        out.put(k, v);
                    }
                });
        return out;
    }
}

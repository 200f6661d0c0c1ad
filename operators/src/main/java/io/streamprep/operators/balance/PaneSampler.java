package io.streamprep.operators.balance;

import io.streamprep.operators.common.StableHash;
import io.streamprep.schemas.records.TextEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a class's rate to the records of that class in one pane.
 *
 * <p>The records are ranked by a stable hash of (seed, id), ties broken by id, text and event time,
 * so the ranking depends only on which records the pane holds, never on their arrival order. With
 * {@code n} records and rate {@code r}, the pane's target is {@code round(r·n)} output records:
 *
 * <ul>
 *   <li>{@code r < 1}: the {@code round(r·n)} best-ranked records are kept, the rest sampled out;
 *   <li>{@code r >= 1}: every record is kept and {@code round(r·n) - n} extra variants are spread
 *       over them, {@code ⌊e/n⌋} each and one more for the {@code e mod n} best-ranked, never more
 *       than {@code maxFactor·n - n} in total.
 * </ul>
 */
public final class PaneSampler {

    private PaneSampler() {}

    /**
     * The outcome for one (class, pane).
     *
     * @param kept the kept records, with {@link TextEvent#extraVariants()} set, in rank order
     * @param sampledOut the under-sampled records, in rank order
     * @param extraVariants extra variants requested in total
     */
    public record Outcome(List<TextEvent> kept, List<TextEvent> sampledOut, long extraVariants) {}

    public static Outcome decide(
            List<TextEvent> records, double rate, double maxFactor, long seed) {
        List<TextEvent> ranked = rank(records, seed);
        int n = ranked.size();
        long target = Math.round(rate * n);
        if (rate < 1.0) {
            int keep = (int) Math.max(0, Math.min(n, target));
            return new Outcome(
                    new ArrayList<>(ranked.subList(0, keep)),
                    new ArrayList<>(ranked.subList(keep, n)),
                    0);
        }
        long maxExtra = (long) Math.floor((maxFactor - 1.0) * n + 1e-9);
        long extra = Math.max(0, Math.min(maxExtra, target - n));
        List<TextEvent> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = (int) (extra / n + (i < extra % n ? 1 : 0));
            TextEvent e = ranked.get(i);
            kept.add(k == e.extraVariants() ? e : e.withExtraVariants(k));
        }
        return new Outcome(kept, List.of(), extra);
    }

    private static List<TextEvent> rank(List<TextEvent> records, long seed) {
        List<Ranked> ranked = new ArrayList<>(records.size());
        for (TextEvent e : records) {
            ranked.add(new Ranked(StableHash.hash64(seed, "balance", e.id()), e));
        }
        ranked.sort(
                Comparator.comparingLong(Ranked::hash)
                        .thenComparing(r -> r.event().id())
                        .thenComparing(r -> r.event().text())
                        .thenComparingLong(r -> r.event().eventTime()));
        List<TextEvent> out = new ArrayList<>(ranked.size());
        ranked.forEach(r -> out.add(r.event()));
        return out;
    }

    private record Ranked(long hash, TextEvent event) {}
}

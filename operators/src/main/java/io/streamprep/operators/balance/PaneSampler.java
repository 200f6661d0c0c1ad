package io.streamprep.operators.balance;

import io.streamprep.operators.common.StableHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a class's rate to the records of that class in one pane.
 *
 * <p>The records are ranked by a stable hash of (seed, id), ties broken by id, content ({@link
 * BalanceAccess#content}) and event time, so the ranking depends only on which records the pane
 * holds, never on their arrival order. With {@code n} records and rate {@code r}, the pane's target
 * is {@code round(r·n)} output records:
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
     * @param kept the kept records, with their extra variants set, in rank order
     * @param sampledOut the under-sampled records, in rank order
     * @param extraVariants extra variants requested in total
     * @param <E> the record type
     */
    public record Outcome<E>(List<E> kept, List<E> sampledOut, long extraVariants) {}

    public static <E> Outcome<E> decide(
            List<E> records, BalanceAccess<E> access, double rate, double maxFactor, long seed) {
        List<E> ranked = rank(records, access, seed);
        int n = ranked.size();
        long target = Math.round(rate * n);
        if (rate < 1.0) {
            int keep = (int) Math.max(0, Math.min(n, target));
            return new Outcome<>(
                    new ArrayList<>(ranked.subList(0, keep)),
                    new ArrayList<>(ranked.subList(keep, n)),
                    0);
        }
        long maxExtra = (long) Math.floor((maxFactor - 1.0) * n + 1e-9);
        long extra = Math.max(0, Math.min(maxExtra, target - n));
        List<E> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = (int) (extra / n + (i < extra % n ? 1 : 0));
            E e = ranked.get(i);
            kept.add(k == access.extraVariants(e) ? e : access.withExtraVariants(e, k));
        }
        return new Outcome<>(kept, List.of(), extra);
    }

    private static <E> List<E> rank(List<E> records, BalanceAccess<E> access, long seed) {
        List<Ranked<E>> ranked = new ArrayList<>(records.size());
        for (E e : records) {
            String id = access.id(e);
            ranked.add(
                    new Ranked<>(
                            StableHash.hash64(seed, "balance", id),
                            id,
                            access.content(e),
                            access.eventTime(e),
                            e));
        }
        ranked.sort(
                Comparator.<Ranked<E>>comparingLong(Ranked::hash)
                        .thenComparing(Ranked::id)
                        .thenComparing(Ranked::content)
                        .thenComparingLong(Ranked::eventTime));
        List<E> out = new ArrayList<>(ranked.size());
        ranked.forEach(r -> out.add(r.record()));
        return out;
    }

    private record Ranked<E>(long hash, String id, String content, long eventTime, E record) {}
}

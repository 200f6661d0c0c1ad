package io.streamprep.jobs.stats;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Prints class balancing's before/after distribution as part of the run summary. */
final class BalanceSummary {

    private BalanceSummary() {}

    static void print(BalanceStats b, PrintStream out) {
        Map<String, Long> after = b.out();
        TreeSet<String> labels = new TreeSet<>(b.in().keySet());
        labels.addAll(after.keySet());
        long totalIn = b.in().values().stream().mapToLong(Long::longValue).sum();
        long totalOut = after.values().stream().mapToLong(Long::longValue).sum();
        out.printf(
                Locale.ROOT,
                "  class balance: %,d labelled records in, %,d out (kept + extra variants),"
                        + " %,d sampled out, %,d passed untouched%s%n",
                totalIn,
                totalOut,
                b.sampledOutTotal(),
                b.passed(),
                b.late() > 0 ? String.format(Locale.ROOT, ", %,d late", b.late()) : "");
        int width = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(0));
        out.printf(
                Locale.ROOT,
                "  %-" + width + "s %10s %7s %10s %10s %10s %7s%n",
                "class",
                "in",
                "share",
                "kept",
                "+variants",
                "out",
                "share");
        for (String label : labels) {
            long in = b.in().getOrDefault(label, 0L);
            long o = after.getOrDefault(label, 0L);
            out.printf(
                    Locale.ROOT,
                    "  %-" + width + "s %,10d %6.2f%% %,10d %,10d %,10d %6.2f%%%n",
                    label,
                    in,
                    share(in, totalIn),
                    b.kept().getOrDefault(label, 0L),
                    b.extraVariants().getOrDefault(label, 0L),
                    o,
                    share(o, totalOut));
        }
    }

    private static double share(long n, long total) {
        return total == 0 ? 0 : 100.0 * n / total;
    }
}

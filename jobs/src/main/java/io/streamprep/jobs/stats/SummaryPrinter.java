package io.streamprep.jobs.stats;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Prints {@link RunStats} as a human-readable summary. */
public final class SummaryPrinter {

    private SummaryPrinter() {}

    public static void print(RunStats s, String output, PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "streamprep: finished in %.1f s, %,.0f records/s%n",
                s.wallTimeMillis() / 1000.0,
                s.recordsPerSecond());
        out.printf(Locale.ROOT, "  records in          %,12d%n", s.recordsIn());
        out.printf(
                Locale.ROOT,
                "  records out         %,12d   train %,d · validation %,d · test %,d%n",
                s.recordsOutTotal(),
                s.recordsOut().get("train"),
                s.recordsOut().get("validation"),
                s.recordsOut().get("test"));
        out.printf(
                Locale.ROOT,
                "    from sources      %,12d   (token windows of long texts count once each)%n",
                s.sourcesOutTotal());
        out.printf(Locale.ROOT, "  tokens              %,12d%n", s.tokens());
        out.printf(
                Locale.ROOT,
                "  dead letters        %,12d   %s%n",
                s.deadLettersTotal(),
                inline(s.deadLetters()));
        out.printf(
                Locale.ROOT,
                "  duplicates          %,12d   %s%n",
                s.duplicatesTotal(),
                inline(s.duplicates()));
        if (s.lateRecords() > 0) {
            out.printf(
                    Locale.ROOT,
                    "  late records        %,12d   (beyond source.watermark.out-of-orderness)%n",
                    s.lateRecords());
        }
        printClasses(s, out);
        if (s.balance() != null) {
            BalanceSummary.print(s.balance(), out);
        }
        out.println("  output: " + output);
    }

    private static void printClasses(RunStats s, PrintStream out) {
        TreeSet<String> labels = new TreeSet<>();
        s.byClass().values().forEach(m -> labels.addAll(m.keySet()));
        if (labels.isEmpty()) {
            return;
        }
        int width = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(0));
        out.printf(
                Locale.ROOT,
                "  %-" + width + "s %10s %10s %10s%n",
                "class",
                "train",
                "validation",
                "test");
        for (String label : labels) {
            out.printf(
                    Locale.ROOT,
                    "  %-" + width + "s %,10d %,10d %,10d%n",
                    label,
                    count(s, "train", label),
                    count(s, "validation", label),
                    count(s, "test", label));
        }
    }

    private static long count(RunStats s, String split, String label) {
        return s.byClass().getOrDefault(split, Map.of()).getOrDefault(label, 0L);
    }

    private static String inline(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("(");
        counts.forEach(
                (k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(' ').append(v));
        return b.append(')').toString();
    }
}

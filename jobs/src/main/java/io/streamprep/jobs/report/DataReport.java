package io.streamprep.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One self-contained HTML page about a run's data: summary figures, split sizes, class
 * distribution, dead-letter reasons, duplicates and, from a sample of the output, text-length and
 * token-count histograms. Charts are inline SVG ({@link SvgCharts}); the page loads nothing, so it
 * opens offline and can be mailed or archived as one file.
 *
 * <p>Reads {@code stats.json} as written by {@code run} and {@code backfill}. Keys it does not know
 * are not lost: every further top-level map of counts (for example augmentation counts per
 * operator) gets its own bar chart, and a map of maps a grouped one; so does every family under
 * {@code counters} (augmentation, PII, dedup, ...). The class chart compares before and after
 * balancing when {@code stats.json} has {@code balance.in}/{@code balance.out} (or {@code
 * before}/{@code after}), label to count; otherwise it shows labels per split. The same input gives
 * the same bytes.
 */
public final class DataReport {

    private static final Set<String> KNOWN =
            Set.of(
                    "records_in",
                    "records_out_total",
                    "records_out",
                    "sources_out",
                    "by_class",
                    "dead_letters_total",
                    "dead_letters",
                    "duplicates_total",
                    "duplicates",
                    "late_records",
                    "tokens",
                    "wall_time_ms",
                    "records_per_second",
                    "balance",
                    "counters");

    private static final int HISTOGRAM_BINS = 30;

    private final JsonNode stats;
    private final Optional<OutputSample> sample;
    private final String source;
    private final StringBuilder body = new StringBuilder();

    private DataReport(JsonNode stats, Optional<OutputSample> sample, String source) {
        this.stats = stats;
        this.sample = sample;
        this.source = source;
    }

    /**
     * Renders the page.
     *
     * @param stats the parsed {@code stats.json}
     * @param sample a sample of the output folder, if one was read
     * @param source where the figures came from, shown in the header
     * @throws IllegalArgumentException if {@code stats} is not a JSON object
     */
    public static String render(JsonNode stats, Optional<OutputSample> sample, String source) {
        if (stats == null || !stats.isObject()) {
            throw new IllegalArgumentException("stats.json must hold a JSON object");
        }
        return new DataReport(stats, sample, source).page();
    }

    private String page() {
        summary();
        splits();
        classes();
        countsChart("dead-letters", "Dead letters by reason", stats.get("dead_letters"));
        countsChart("duplicates", "Duplicates by kind", stats.get("duplicates"));
        sampleCharts();
        counterCharts();
        extraCharts();
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>streamprep data report</title><style>"
                + "body{font-family:sans-serif;margin:24px;color:#222;background:#fff}"
                + "h1{font-size:22px}h2{font-size:17px;margin-top:28px}"
                + "table{border-collapse:collapse}td,th{padding:3px 12px;text-align:right;"
                + "border-bottom:1px solid #ddd}td:first-child,th:first-child{text-align:left}"
                + ".note{color:#666;font-size:13px}</style></head><body>\n"
                + "<h1>streamprep data report</h1>\n<p class=\"note\">"
                + Html.escape(source)
                + "</p>\n"
                + body
                + "</body></html>\n";
    }

    private void summary() {
        long in = stats.path("records_in").asLong();
        long duplicates = stats.path("duplicates_total").asLong(sum(stats.get("duplicates")));
        List<String[]> rows = new ArrayList<>();
        rows.add(row("records in", Html.count(in)));
        rows.add(
                row(
                        "training records out",
                        Html.count(
                                stats.path("records_out_total")
                                        .asLong(sum(stats.get("records_out"))))));
        rows.add(row("source records out", Html.count(sum(stats.get("sources_out")))));
        rows.add(row("tokens", Html.count(stats.path("tokens").asLong())));
        rows.add(
                row(
                        "dead letters",
                        Html.count(
                                stats.path("dead_letters_total")
                                        .asLong(sum(stats.get("dead_letters"))))));
        rows.add(row("duplicates", Html.count(duplicates)));
        rows.add(
                row(
                        "duplicate rate (of records in)",
                        in == 0
                                ? "-"
                                : String.format(Locale.ROOT, "%.2f %%", 100.0 * duplicates / in)));
        rows.add(row("late records", Html.count(stats.path("late_records").asLong())));
        rows.add(
                row(
                        "wall time",
                        String.format(
                                Locale.ROOT,
                                "%.1f s",
                                stats.path("wall_time_ms").asLong() / 1000.0)));
        rows.add(
                row(
                        "records/s",
                        String.format(
                                Locale.ROOT, "%.0f", stats.path("records_per_second").asDouble())));
        for (Iterator<Map.Entry<String, JsonNode>> it = stats.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey()) && e.getValue().isValueNode()) {
                rows.add(row(e.getKey(), e.getValue().asText()));
            }
        }
        body.append("<section id=\"summary\"><h2>Summary</h2><table>");
        for (String[] r : rows) {
            body.append("<tr><td>")
                    .append(Html.escape(r[0]))
                    .append("</td><td>")
                    .append(Html.escape(r[1]))
                    .append("</td></tr>");
        }
        body.append("</table></section>\n");
    }

    private void splits() {
        JsonNode records = stats.get("records_out");
        if (records == null || !records.isObject()) {
            return;
        }
        List<String> splits = splitOrder(keys(records));
        Map<String, List<Long>> series = new LinkedHashMap<>();
        series.put("training records", values(records, splits));
        JsonNode sources = stats.get("sources_out");
        if (sources != null && sources.isObject()) {
            series.put("source records", values(sources, splits));
        }
        section("splits", "Split sizes", SvgCharts.bars(splits, series), null);
    }

    private void classes() {
        JsonNode balance = stats.get("balance");
        JsonNode before = firstObject(balance, "before", "in");
        JsonNode after = firstObject(balance, "after", "out");
        if (before != null && after != null) {
            grouped(
                    "classes",
                    "Class distribution before and after balancing",
                    Map.of("before", before, "after", after),
                    List.of("before", "after"),
                    null);
            Map<String, JsonNode> decisions = new LinkedHashMap<>();
            for (String name : List.of("kept", "extra_variants", "sampled_out")) {
                if (balance.path(name).isObject()) {
                    decisions.put(name, balance.get(name));
                }
            }
            if (!decisions.isEmpty()) {
                grouped(
                        "balancing",
                        "Balancing per label",
                        decisions,
                        List.copyOf(decisions.keySet()),
                        null);
            }
            return;
        }
        JsonNode byClass = stats.get("by_class");
        if (byClass == null || !byClass.isObject()) {
            return;
        }
        Map<String, JsonNode> perSplit = new LinkedHashMap<>();
        byClass.fields().forEachRemaining(e -> perSplit.put(e.getKey(), e.getValue()));
        grouped(
                "classes",
                "Class distribution per split (training records)",
                perSplit,
                splitOrder(keys(byClass)),
                "No balancing figures in this run, so this shows the labels per"
                        + " split of the output.");
    }

    private void grouped(
            String id,
            String title,
            Map<String, JsonNode> maps,
            List<String> seriesOrder,
            String note) {
        Set<String> categories = new TreeSet<>();
        for (JsonNode m : maps.values()) {
            categories.addAll(keys(m));
        }
        if (categories.isEmpty()) {
            section(id, title, null, "No records.");
            return;
        }
        List<String> cats = List.copyOf(categories);
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (String name : seriesOrder) {
            series.put(name, values(maps.get(name), cats));
        }
        section(id, title, SvgCharts.bars(cats, series), note);
    }

    private void countsChart(String id, String title, JsonNode counts) {
        if (counts == null || !counts.isObject()) {
            return;
        }
        List<String> cats = keys(counts);
        if (cats.isEmpty()) {
            section(id, title, null, "None.");
            return;
        }
        section(id, title, SvgCharts.bars(cats, Map.of("records", values(counts, cats))), null);
    }

    private void sampleCharts() {
        if (sample.isEmpty()) {
            return;
        }
        OutputSample s = sample.get();
        String note =
                "From a sample of "
                        + Html.count(s.tokenCounts().size())
                        + " training records of the output folder.";
        if (!s.textLengths().isEmpty()) {
            section(
                    "text-length",
                    "Text length (characters)",
                    SvgCharts.histogram(Histogram.of(s.textLengths(), HISTOGRAM_BINS), "records"),
                    note);
        }
        if (!s.tokenCounts().isEmpty()) {
            section(
                    "token-count",
                    "Tokens per training record",
                    SvgCharts.histogram(Histogram.of(s.tokenCounts(), HISTOGRAM_BINS), "records"),
                    note);
        }
    }

    private void counterCharts() {
        JsonNode counters = stats.get("counters");
        if (counters == null || !counters.isObject()) {
            return;
        }
        for (String family : keys(counters)) {
            JsonNode counts = counters.get(family);
            if (counts.isObject() && allMatch(counts, JsonNode::isNumber)) {
                countsChart(
                        "counters-" + family.replaceAll("[^A-Za-z0-9_-]", "-"),
                        "Counters: " + family,
                        counts);
            }
        }
    }

    private void extraCharts() {
        for (Iterator<Map.Entry<String, JsonNode>> it = stats.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (KNOWN.contains(key) || !value.isObject() || value.isEmpty()) {
                continue;
            }
            String id = "extra-" + key.replaceAll("[^A-Za-z0-9_-]", "-");
            if (allMatch(value, JsonNode::isNumber)) {
                countsChart(id, key, value);
            } else if (allMatch(value, v -> v.isObject() && allMatch(v, JsonNode::isNumber))) {
                Map<String, JsonNode> maps = new LinkedHashMap<>();
                value.fields().forEachRemaining(f -> maps.put(f.getKey(), f.getValue()));
                grouped(id, key, maps, keys(value), null);
            }
        }
    }

    private void section(String id, String title, String svg, String note) {
        body.append("<section class=\"chart\" id=\"")
                .append(Html.escape(id))
                .append("\"><h2>")
                .append(Html.escape(title))
                .append("</h2>");
        if (note != null) {
            body.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
        }
        if (svg != null) {
            body.append(svg);
        }
        body.append("</section>\n");
    }

    private static JsonNode firstObject(JsonNode parent, String... names) {
        if (parent == null) {
            return null;
        }
        for (String name : names) {
            if (parent.path(name).isObject()) {
                return parent.get(name);
            }
        }
        return null;
    }

    private static boolean allMatch(JsonNode object, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode v : object) {
            if (!p.test(v)) {
                return false;
            }
        }
        return true;
    }

    /** train, validation, test first, then any other split in the given order. */
    private static List<String> splitOrder(List<String> splits) {
        List<String> ordered = new ArrayList<>();
        for (String known : OutputSample.SPLITS) {
            if (splits.contains(known)) {
                ordered.add(known);
            }
        }
        for (String s : splits) {
            if (!ordered.contains(s)) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<Long> values(JsonNode object, List<String> keys) {
        List<Long> values = new ArrayList<>(keys.size());
        for (String k : keys) {
            values.add(object == null ? 0 : object.path(k).asLong(0));
        }
        return values;
    }

    private static long sum(JsonNode object) {
        long total = 0;
        if (object != null) {
            for (JsonNode v : object) {
                total += v.asLong(0);
            }
        }
        return total;
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }
}

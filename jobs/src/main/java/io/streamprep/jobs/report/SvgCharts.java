package io.streamprep.jobs.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts for the data report: no script, no external resource, so the page renders
 * offline and the same data always gives the same bytes.
 *
 * <p>Every bar is a {@code <rect class="bar">} with {@code data-category}, {@code data-series} and
 * {@code data-value} attributes and a {@code <title>} tooltip, one per (category, series) pair,
 * zero values included, so readers and tests can check a chart against its data.
 */
final class SvgCharts {

    /** Series colours; the first is the colour of single-series charts. */
    static final List<String> PALETTE =
            List.of("#3a6ea5", "#e07b39", "#5a9e4b", "#b34a5a", "#7d5ba6", "#8c6d31");

    private static final int WIDTH = 900;
    private static final int LABEL_WIDTH = 230;
    private static final int PLOT_WIDTH = 560;
    private static final int BAR = 14;
    private static final int GAP = 8;
    private static final int LEGEND = 24;

    private SvgCharts() {}

    /**
     * Horizontal bars: one row per category, one bar per series in each row.
     *
     * @param series series name to values, one value per category, in category order
     */
    static String bars(List<String> categories, Map<String, List<Long>> series) {
        int rows = categories.size();
        int perRow = series.size();
        int rowHeight = perRow * BAR + GAP;
        int top = perRow > 1 ? LEGEND : 4;
        int height = top + rows * rowHeight + 4;
        long max = 1;
        for (List<Long> values : series.values()) {
            for (long v : values) {
                max = Math.max(max, v);
            }
        }
        StringBuilder svg = open(height);
        if (perRow > 1) {
            legend(svg, series.keySet().stream().toList());
        }
        for (int row = 0; row < rows; row++) {
            int y = top + row * rowHeight;
            String category = categories.get(row);
            text(svg, LABEL_WIDTH - 8, y + perRow * BAR / 2 + 4, "end", category);
            int s = 0;
            for (Map.Entry<String, List<Long>> e : series.entrySet()) {
                long value = e.getValue().get(row);
                double w = value == 0 ? 0 : Math.max(1.0, value * (double) PLOT_WIDTH / max);
                int barY = y + s * BAR;
                rect(svg, LABEL_WIDTH, barY, w, BAR - 2, color(s), category, e.getKey(), value);
                text(
                        svg,
                        LABEL_WIDTH + (int) Math.ceil(w) + 4,
                        barY + BAR - 4,
                        "start",
                        Html.count(value));
                s++;
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical bars over consecutive bins, labelled below. */
    static String histogram(Histogram histogram, String series) {
        int height = 260;
        int left = 70;
        int plotWidth = WIDTH - left - 20;
        int plotTop = 12;
        int plotHeight = 200;
        int n = histogram.counts().size();
        long max =
                Math.max(1, histogram.counts().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder svg = open(height);
        double slot = plotWidth / (double) Math.max(1, n);
        List<String> labels = histogram.labels();
        int labelEvery = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int i = 0; i < n; i++) {
            long value = histogram.counts().get(i);
            double h = value == 0 ? 0 : Math.max(1.0, value * (double) plotHeight / max);
            double x = left + i * slot;
            rect(
                    svg,
                    x + 1,
                    plotTop + plotHeight - h,
                    Math.max(1.0, slot - 2),
                    h,
                    color(0),
                    labels.get(i),
                    series,
                    value);
            if (i % labelEvery == 0) {
                text(svg, (int) (x + slot / 2), plotTop + plotHeight + 16, "middle", labels.get(i));
            }
        }
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                        left,
                        plotTop + plotHeight,
                        left + plotWidth,
                        plotTop + plotHeight));
        text(svg, left - 6, plotTop + 10, "end", Html.count(max));
        text(svg, left - 6, plotTop + plotHeight, "end", "0");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int height) {
        return new StringBuilder(
                String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\""
                                + " font-size=\"12\">",
                        WIDTH,
                        height,
                        WIDTH,
                        height));
    }

    private static void legend(StringBuilder svg, List<String> names) {
        int x = LABEL_WIDTH;
        for (int i = 0; i < names.size(); i++) {
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<rect class=\"legend\" x=\"%d\" y=\"4\" width=\"12\" height=\"12\""
                                    + " fill=\"%s\"/>",
                            x,
                            color(i)));
            text(svg, x + 16, 14, "start", names.get(i));
            x += 24 + 8 * names.get(i).length();
        }
    }

    private static void rect(
            StringBuilder svg,
            double x,
            double y,
            double w,
            double h,
            String fill,
            String category,
            String series,
            long value) {
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                                + " fill=\"%s\" data-category=\"%s\" data-series=\"%s\""
                                + " data-value=\"%d\"><title>%s · %s: %s</title></rect>",
                        x,
                        y,
                        w,
                        h,
                        fill,
                        Html.escape(category),
                        Html.escape(series),
                        value,
                        Html.escape(category),
                        Html.escape(series),
                        Html.count(value)));
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String s) {
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>",
                        x,
                        y,
                        anchor,
                        Html.escape(s)));
    }

    private static String color(int i) {
        return PALETTE.get(i % PALETTE.size());
    }
}

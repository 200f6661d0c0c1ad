package io.streamprep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.cli.StreamprepCli;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.schemas.serde.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamprep report} over a real run of the shipped sample, opened in a real headless
 * Chromium: the browser's DOM has one bar per figure in stats.json and per sampled record, and the
 * screenshot shows the bars (the pixels in each series colour cover the bars' area).
 */
class DataReportITCase {

    @TempDir Path dir;

    @BeforeEach
    void home() {
        System.setProperty("streamprep.home", SampleData.repoRoot().toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("streamprep.home");
    }

    @Test
    void reportOfARealRunRendersEveryFigureInChromium() throws Exception {
        Path out = dir.resolve("out");
        assertThat(StreamprepCli.execute("run", "--output", out.toString())).isZero();
        Path html = dir.resolve("report/report.html");
        assertThat(
                        StreamprepCli.execute(
                                "report",
                                "--stats",
                                out.resolve("stats.json").toString(),
                                "--output-dir",
                                out.toString(),
                                "--out",
                                html.toString()))
                .isZero();
        JsonNode stats = Json.MAPPER.readTree(out.resolve("stats.json").toFile());

        Files.createDirectories(dir.resolve("chromium"));
        HeadlessChromium chromium = new HeadlessChromium(dir.resolve("chromium/profile"));
        Document dom = Jsoup.parse(chromium.dumpDom(html));

        assertThat(dom.select("script, link, img, iframe")).isEmpty();
        assertThat(bars(dom, "splits")).hasSize(6);
        for (Element bar : dom.select("section#splits rect.bar[data-series=training records]")) {
            assertThat(value(bar))
                    .isEqualTo(stats.at("/records_out/" + bar.attr("data-category")).asLong());
        }
        int labels = labelCount(stats.get("by_class"));
        assertThat(bars(dom, "classes")).hasSize(labels * 3);
        for (Element bar : bars(dom, "classes")) {
            String path = "/by_class/" + bar.attr("data-series") + "/" + bar.attr("data-category");
            assertThat(value(bar)).as(path).isEqualTo(stats.at(path).asLong(0));
        }
        assertThat(bars(dom, "dead-letters")).hasSize(stats.get("dead_letters").size());
        assertThat(sum(bars(dom, "dead-letters")))
                .isEqualTo(stats.get("dead_letters_total").asLong());
        assertThat(sum(bars(dom, "duplicates"))).isEqualTo(stats.get("duplicates_total").asLong());
        JsonNode counters = stats.get("counters");
        assertThat(counters.get("pii").size()).isPositive();
        for (String family : List.of("pii", "dedup")) {
            for (Element bar : bars(dom, "counters-" + family)) {
                assertThat(value(bar))
                        .isEqualTo(
                                counters.at("/" + family + "/" + bar.attr("data-category"))
                                        .asLong());
            }
            assertThat(bars(dom, "counters-" + family)).hasSize(counters.get(family).size());
        }
        long trainingRecords = stats.get("records_out_total").asLong();
        assertThat(sum(bars(dom, "text-length"))).isEqualTo(trainingRecords);
        assertThat(sum(bars(dom, "token-count"))).isEqualTo(trainingRecords);

        Path png = dir.resolve("report/screenshot.png");
        chromium.screenshot(html, png, 1000, 4000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        long nonWhite = count(image, rgb -> (rgb & 0xffffff) != 0xffffff);
        assertThat(nonWhite).isGreaterThan((long) image.getWidth() * image.getHeight() / 50);
        // Every series colour covers about the area of its bars (and legend boxes) in the DOM.
        for (int i = 0; i < 3; i++) {
            String colour = SvgCharts.PALETTE.get(i);
            double area = 0;
            for (Element rect : dom.select("rect[fill=" + colour + "]")) {
                area +=
                        Double.parseDouble(rect.attr("width"))
                                * Double.parseDouble(rect.attr("height"));
            }
            int target = Integer.parseInt(colour.substring(1), 16);
            long pixels = count(image, rgb -> close(rgb, target));
            assertThat(area).as("bar area of %s", colour).isGreaterThan(1000);
            assertThat((double) pixels)
                    .as("pixels of %s", colour)
                    .isBetween(0.8 * area, 1.1 * area);
        }
    }

    private static List<Element> bars(Document dom, String section) {
        return dom.select("section#" + section + " rect.bar");
    }

    private static long value(Element bar) {
        return Long.parseLong(bar.attr("data-value"));
    }

    private static long sum(List<Element> bars) {
        return bars.stream().mapToLong(DataReportITCase::value).sum();
    }

    private static int labelCount(JsonNode byClass) {
        java.util.Set<String> labels = new java.util.TreeSet<>();
        byClass.forEach(split -> split.fieldNames().forEachRemaining(labels::add));
        return labels.size();
    }

    private static long count(BufferedImage image, java.util.function.IntPredicate p) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (p.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean close(int rgb, int target) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > 6) {
                return false;
            }
        }
        return true;
    }
}

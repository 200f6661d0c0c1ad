package io.streamprep.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.schemas.serde.Json;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class DataReportTest {

    private static JsonNode stats(String json) throws Exception {
        return Json.MAPPER.readTree(json.replace('\'', '"'));
    }

    private static List<Long> values(Document page, String section) {
        return page.select("section#" + section + " rect.bar").stream()
                .map(e -> Long.parseLong(e.attr("data-value")))
                .toList();
    }

    @Test
    void everyCountBecomesOneBarWithItsValue() throws Exception {
        JsonNode stats =
                stats(
                        "{'records_in':10,'records_out':{'test':1,'train':7,'validation':2},"
                                + "'sources_out':{'test':1,'train':6,'validation':2},"
                                + "'by_class':{'train':{'a':4,'b':3},'test':{'a':1},"
                                + "'validation':{'b':2}},"
                                + "'dead_letters':{'not_json':1},'duplicates':{'exact':0}}");
        Document page = Jsoup.parse(DataReport.render(stats, Optional.empty(), "t"));

        // Splits: train, validation, test first; each with training then source records.
        assertThat(values(page, "splits")).containsExactly(7L, 6L, 2L, 2L, 1L, 1L);
        // Classes a, b × splits train, validation, test (missing ones are zero bars).
        List<Element> classBars = page.select("section#classes rect.bar");
        assertThat(classBars).hasSize(6);
        assertThat(classBars.get(0).attr("data-category")).isEqualTo("a");
        assertThat(classBars.get(0).attr("data-series")).isEqualTo("train");
        assertThat(values(page, "classes")).containsExactly(4L, 0L, 1L, 3L, 2L, 0L);
        assertThat(values(page, "dead-letters")).containsExactly(1L);
        assertThat(values(page, "duplicates")).containsExactly(0L);
        assertThat(page.select("section#text-length")).isEmpty();
        assertThat(page.select("script, link, img")).isEmpty();
    }

    @Test
    void balancingFiguresAndUnknownCountMapsGetTheirOwnCharts() throws Exception {
        JsonNode stats =
                stats(
                        "{'records_in':5,'balance':{'in':{'a':9,'b':1},'kept':{'a':5,'b':1},"
                                + "'extra_variants':{'b':4},'out':{'a':5,'b':5},"
                                + "'sampled_out':{'a':4},'passed':0},"
                                + "'counters':{'augment':{'eda':3,'mt_failed':2}},"
                                + "'augmentations':{'eda.synonym':3,'back_translation':2},"
                                + "'mt':{'requests':{'ok':4,'failed':1}},'build':'x'}");
        Document page = Jsoup.parse(DataReport.render(stats, Optional.empty(), "t"));

        assertThat(page.select("section#classes h2").text()).contains("before and after");
        assertThat(values(page, "classes")).containsExactly(9L, 5L, 1L, 5L);
        // a, b × kept, extra_variants, sampled_out
        assertThat(values(page, "balancing")).containsExactly(5L, 0L, 4L, 1L, 4L, 0L);
        assertThat(values(page, "counters-augment")).containsExactly(3L, 2L);
        assertThat(values(page, "extra-augmentations")).containsExactly(3L, 2L);
        assertThat(values(page, "extra-mt")).containsExactly(1L, 4L);
        assertThat(page.select("section#summary td").eachText()).contains("build", "x");
    }

    @Test
    void sampleGivesHistogramsCoveringEveryRecord() throws Exception {
        OutputSample sample = new OutputSample(List.of(5, 17, 17, 300), List.of(3, 9, 9, 70), 0);
        Document page = Jsoup.parse(DataReport.render(stats("{}"), Optional.of(sample), "t"));
        assertThat(values(page, "text-length").stream().mapToLong(Long::longValue).sum())
                .isEqualTo(4);
        assertThat(values(page, "token-count").stream().mapToLong(Long::longValue).sum())
                .isEqualTo(4);
    }

    @Test
    void labelsAreEscaped() throws Exception {
        JsonNode stats = stats("{'dead_letters':{'<script>alert(1)</script>':1}}");
        String html = DataReport.render(stats, Optional.empty(), "<b>");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>");
        assertThat(Jsoup.parse(html).select("section#dead-letters rect.bar").attr("data-category"))
                .isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void rejectsNonObjects() throws Exception {
        assertThatThrownBy(() -> DataReport.render(stats("[1]"), Optional.empty(), "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void histogramBinsHaveEqualWidthAndCountEveryValue() {
        Histogram h = Histogram.of(List.of(0, 1, 9, 10, 29), 3);
        assertThat(h.lower()).containsExactly(0, 10, 20);
        assertThat(h.upper()).containsExactly(10, 20, 30);
        assertThat(h.counts()).containsExactly(3L, 1L, 1L);
        assertThat(h.labels()).containsExactly("0-9", "10-19", "20-29");
        assertThat(Histogram.of(List.of(), 3).total()).isZero();
        assertThat(Histogram.of(List.of(0, 0), 5).counts()).containsExactly(2L);
        assertThatThrownBy(() -> Histogram.of(List.of(-1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

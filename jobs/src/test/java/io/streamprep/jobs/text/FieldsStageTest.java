package io.streamprep.jobs.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.jobs.config.ConfigException;
import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.operators.fields.FieldSpecs;
import io.streamprep.schemas.config.FieldOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldsStageTest {

    @TempDir Path dir;

    @Test
    void declarationsAreAYamlListOfCompactSpecs() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(
                file,
                """
                fields:
                  declared:
                    - "price: numeric, missing=median, outliers=iqr:1.5:drop, scale=zscore"
                    - "source: categorical, vocab=web|book|news, encode=onehot, missing=mode"
                    - "verified: boolean, required"
                  stats:
                    mode: FROZEN
                    file: /tmp/field-stats.json
                """);
        PipelineConfig config = new ConfigLoader().file(file).load();
        List<String> declared = config.options().get(FieldOptions.DECLARED);
        assertThat(declared).hasSize(3);
        assertThat(FieldSpecs.parse(declared).get(1).vocabulary())
                .containsExactly("web", "book", "news");
        assertThat(config.options().get(FieldOptions.STATS_MODE))
                .isEqualTo(FieldOptions.StatsMode.FROZEN);
    }

    @Test
    void withoutDeclaredFieldsTheGraphHasNoFieldsStage() {
        assertThat(nodeNames(List.of())).noneMatch(n -> n.contains("field"));
        assertThat(nodeNames(List.of("fields.declared=n: numeric")))
                .contains("structured fields", "field statistics");
    }

    @Test
    void badDeclarationsAndFrozenStatisticsFailBeforeTheJobNamingTheField() throws Exception {
        assertThatThrownBy(() -> nodeNames(List.of("fields.declared=n: numeric, scale=log")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'n'");
        assertThatThrownBy(
                        () ->
                                nodeNames(
                                        List.of(
                                                "fields.declared=n: numeric",
                                                "fields.stats.mode=FROZEN")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.stats.file");
        Path stats = dir.resolve("stats.json");
        Files.writeString(
                stats, "{\"version\":1,\"fields\":{\"m\":{\"type\":\"numeric\",\"count\":1}}}");
        assertThatThrownBy(
                        () ->
                                nodeNames(
                                        List.of(
                                                "fields.declared=n: numeric",
                                                "fields.stats.mode=FROZEN",
                                                "fields.stats.file=" + stats)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("declared field 'n'");
    }

    private List<String> nodeNames(List<String> more) {
        List<String> settings = new ArrayList<>();
        settings.add("source.file.path=" + SampleData.file());
        settings.add("sink.file.path=" + dir.resolve("out"));
        settings.addAll(more);
        return PipelineRuns.build(PipelineRuns.config(settings))
                .getStreamGraph()
                .getStreamNodes()
                .stream()
                .map(StreamNode::getOperatorName)
                .toList();
    }
}

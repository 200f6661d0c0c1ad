package io.streamprep.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.DedupOptions;
import io.streamprep.schemas.config.NormalizeOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.ValidationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir Path dir;

    @Test
    void readsNestedAndDottedKeysListsAndFlinkPassThrough() throws Exception {
        Path file =
                write(
                        """
                        dedup:
                          exact:
                            window: 2 h
                        normalize.lowercase: true
                        labels:
                          list: [noun.animal, "it's", 'a;b']
                        flink:
                          execution.checkpointing.interval: 3 s
                        """);
        PipelineConfig config = new ConfigLoader().file(file).load();

        assertThat(config.options().get(DedupOptions.EXACT_WINDOW)).isEqualTo(Duration.ofHours(2));
        assertThat(config.options().get(NormalizeOptions.LOWERCASE)).isTrue();
        assertThat(config.options().get(ValidationOptions.LABELS))
                .containsExactly("noun.animal", "it's", "a;b");
        assertThat(config.flink().get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(config.originOf("dedup.exact.window")).isEqualTo("config file " + file);
    }

    @Test
    void setOverridesTheFileAndParsesLists() throws Exception {
        Path file = write("sink.include-text: false\n");
        PipelineConfig config =
                new ConfigLoader()
                        .file(file)
                        .set("sink.include-text=true")
                        .set("labels.list=a;b;c")
                        .load();
        assertThat(config.options().get(SinkOptions.INCLUDE_TEXT)).isTrue();
        assertThat(config.options().get(ValidationOptions.LABELS)).containsExactly("a", "b", "c");
        assertThat(config.originOf("sink.include-text")).isEqualTo("--set");
    }

    @Test
    void unknownKeyIsNamedWithItsFileAndASuggestion() throws Exception {
        Path file = write("dedup:\n  exact:\n    windw: 1h\n");
        assertThatThrownBy(() -> new ConfigLoader().file(file).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'dedup.exact.windw'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("did you mean 'dedup.exact.window'");
    }

    @Test
    void badValueIsNamedWithKeyFileAndExpectedType() throws Exception {
        Path file = write("tokenizer.max-length: lots\n");
        assertThatThrownBy(() -> new ConfigLoader().file(file).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'lots'")
                .hasMessageContaining("'tokenizer.max-length'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> new ConfigLoader().set("sink.type=S3").load())
                .hasMessageContaining("'sink.type' in --set")
                .hasMessageContaining("one of FILE, KAFKA");
    }

    @Test
    void brokenYamlAndMissingFilesAreReportedWithTheFile() throws Exception {
        Path broken = write("dedup: [unclosed\n");
        assertThatThrownBy(() -> new ConfigLoader().file(broken))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(broken.toString())
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
        assertThatThrownBy(() -> new ConfigLoader().file(dir.resolve("nope.yaml")))
                .hasMessageContaining("not found")
                .hasMessageContaining("nope.yaml");
        Path scalar = write("just a string\n");
        assertThatThrownBy(() -> new ConfigLoader().file(scalar)).hasMessageContaining("mapping");
    }

    @Test
    void emptyValuesAndMalformedSetsAreRejected() throws Exception {
        Path file = write("sink:\n  file.path:\n");
        assertThatThrownBy(() -> new ConfigLoader().file(file))
                .hasMessageContaining("'sink.file.path'")
                .hasMessageContaining("no value");
        assertThatThrownBy(() -> new ConfigLoader().set("novalue"))
                .hasMessageContaining("key=value");
    }

    @Test
    void anEmptyFileMeansDefaults() throws Exception {
        PipelineConfig config = new ConfigLoader().file(write("")).load();
        assertThat(config.options().get(ValidationOptions.LABELS)).isEqualTo(List.of());
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "config", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

package io.streamprep.operators.weaklabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.WeakLabelOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingFunctionsTest {

    @Test
    void keywordsMatchWholeWordsAndPhrasesIgnoringCase() {
        KeywordFunction lf = new KeywordFunction("kw", "animal", List.of("dog", "sea lion", " "));
        assertThat(lf.vote("A Dog barks")).isEqualTo("animal");
        assertThat(lf.vote("the SEA LION dives")).isEqualTo("animal");
        assertThat(lf.vote("dogma and hotdogs")).isNull();
        assertThat(lf.vote("sea, lion")).isNull();
        assertThat(lf.vote("Ünïcödé dog!")).isEqualTo("animal");
    }

    @Test
    void keywordsAreQuotedNotRegex() {
        KeywordFunction lf = new KeywordFunction("kw", "x", List.of("c++"));
        assertThat(lf.vote("I write c++ daily")).isEqualTo("x");
        assertThat(lf.vote("I write ccc daily")).isNull();
    }

    @Test
    void regexVotesWhenFound() {
        RegexFunction lf = new RegexFunction("re", "money", "\\$\\d+");
        assertThat(lf.vote("costs $30 now")).isEqualTo("money");
        assertThat(lf.vote("costs thirty")).isNull();
    }

    @Test
    void lookupVotesTheMostFrequentLabelOfFoundTermsAndAbstainsOnTies() {
        LookupFunction lf =
                new LookupFunction(
                        "lookup",
                        Map.of(
                                "oak", "plant", "red fox", "animal", "fox", "animal", "rose",
                                "plant"));
        assertThat(lf.vote("A red fox")).isEqualTo("animal"); // "red fox" and "fox": 2 votes
        assertThat(lf.vote("oak and rose and fox")).isEqualTo("plant");
        assertThat(lf.vote("an oak, a fox")).isNull(); // tie
        assertThat(lf.vote("nothing here")).isNull();
        assertThat(lf.vote("OAK")).isEqualTo("plant");
    }

    @Test
    void lookupFileFormatIsTermTabLabel() {
        assertThat(LookupFunction.parse(List.of("# comment", "", "oak\tplant", "red fox\tanimal")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("oak", "plant", "red fox", "animal"));
        assertThatThrownBy(() -> LookupFunction.parse(List.of("oak plant")))
                .hasMessageContaining("line 1");
    }

    @Test
    void builtFromConfigInFixedOrder(@TempDir Path dir) throws Exception {
        Path lookup = dir.resolve("terms.tsv");
        Files.writeString(lookup, "oak\tplant\n");
        Configuration config = new Configuration();
        config.set(WeakLabelOptions.KEYWORDS, List.of("animal=dog|cat", "plant=tree"));
        config.set(WeakLabelOptions.PATTERNS, List.of("animal=\\bpupp(y|ies)\\b"));
        config.set(WeakLabelOptions.LOOKUP_PATH, lookup.toString());
        LabelingFunctions lfs = LabelingFunctions.fromConfig(config);
        assertThat(lfs.names())
                .containsExactly(
                        "keywords-0:animal", "keywords-1:plant", "regex-0:animal", "lookup");
        assertThat(lfs.votes("a puppy under an oak tree"))
                .containsExactly(null, "plant", "animal", "plant");
    }

    @Test
    void badEntriesNameTheOption() {
        Configuration config = new Configuration();
        config.set(WeakLabelOptions.KEYWORDS, List.of("no equals sign"));
        assertThatThrownBy(() -> LabelingFunctions.fromConfig(config))
                .hasMessageContaining("weak-labels.keywords");
        Configuration regex = new Configuration();
        regex.set(WeakLabelOptions.PATTERNS, List.of("x=(unclosed"));
        assertThatThrownBy(() -> LabelingFunctions.fromConfig(regex))
                .hasMessageContaining("weak-labels.patterns");
    }
}

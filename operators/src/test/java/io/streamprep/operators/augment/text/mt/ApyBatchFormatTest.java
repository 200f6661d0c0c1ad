package io.streamprep.operators.augment.text.mt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApyBatchFormatTest {

    @Test
    void joinsWithNumberedSeparatorsAndSplitsBackInOrder() {
        List<String> texts = List.of("The dog runs", "A cat.\nTwo lines", "x");
        String joined = ApyBatchFormat.join(texts);
        assertThat(joined)
                .isEqualTo("The dog runs<br id=\"sp-0\">A cat.\nTwo lines<br id=\"sp-1\">x");
        assertThat(ApyBatchFormat.split(joined, 3)).isEqualTo(texts);
        assertThat(ApyBatchFormat.split("Solo", 1)).containsExactly("Solo");
        // A real APy answer (eng|spa) keeps the tags and the whitespace around them.
        assertThat(
                        ApyBatchFormat.split(
                                "Las carreras de perro \n<br id=\"sp-0\">\n Los sueños de gato", 2))
                .containsExactly("Las carreras de perro \n", "\n Los sueños de gato");
        assertThat(ApyBatchFormat.separatorLength(0)).isEqualTo("<br id=\"sp-0\">".length());
        assertThat(ApyBatchFormat.separatorLength(12)).isEqualTo("<br id=\"sp-12\">".length());
    }

    @Test
    void anAnswerWithoutEverySeparatorOnceAndInOrderIsRejected() {
        String s0 = "<br id=\"sp-0\">";
        String s1 = "<br id=\"sp-1\">";
        assertThat(ApyBatchFormat.split("a" + s0 + "b", 3)).isNull();
        assertThat(ApyBatchFormat.split("a b c", 3)).isNull();
        assertThat(ApyBatchFormat.split("a" + s1 + "b" + s0 + "c", 3)).isNull();
        assertThat(ApyBatchFormat.split("a" + s0 + "b" + s0 + "c" + s1 + "d", 3)).isNull();
        assertThat(ApyBatchFormat.split("a" + s0 + "b" + s1 + "c" + s1, 3)).isNull();
        assertThat(ApyBatchFormat.split("a" + s0 + "b", 1)).isNull();
        assertThat(ApyBatchFormat.split("a" + s0 + s1 + "c", 3)).containsExactly("a", "", "c");
    }

    @Test
    void textsThatCouldSwallowTheirNeighboursAreNotBatchable() {
        assertThat(ApyBatchFormat.batchable("Fish & chips [x] \\ \"quoted\"; a > b")).isTrue();
        assertThat(ApyBatchFormat.batchable("a <!-- comment")).isFalse();
        assertThat(ApyBatchFormat.batchable("x < y")).isFalse();
    }
}

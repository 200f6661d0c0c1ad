package io.streamprep.operators.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelIndexTest {

    @Test
    void idsArePositionsInTheList() {
        LabelIndex index = new LabelIndex(List.of("neg", "pos", "neutral"));
        assertThat(index.idOf("neg")).isZero();
        assertThat(index.idOf("neutral")).isEqualTo(2);
        assertThat(index.idOf(null)).isEqualTo(LabelIndex.NO_LABEL);
        assertThat(index.accepts("pos")).isTrue();
        assertThat(index.accepts("Pos")).isFalse();
    }

    @Test
    void withoutAListEveryLabelIsAcceptedWithoutAnId() {
        LabelIndex index = new LabelIndex(List.of());
        assertThat(index.accepts("anything")).isTrue();
        assertThat(index.idOf("anything")).isEqualTo(LabelIndex.NO_LABEL);
    }

    @Test
    void rejectsDuplicateAndBlankLabels() {
        assertThatThrownBy(() -> new LabelIndex(List.of("a", "b", "a")))
                .hasMessageContaining("'a' twice");
        assertThatThrownBy(() -> new LabelIndex(List.of("a", " "))).hasMessageContaining("blank");
    }
}

package io.streamprep.operators.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {

    @Test
    void sharesMatchTheConfiguredFractions() {
        SplitAssigner assigner = new SplitAssigner(42, 0.8, 0.1, 0.1);
        Map<String, Integer> counts = new HashMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts.merge(assigner.splitOf("record-" + i), 1, Integer::sum);
        }
        // Binomial standard deviation for p = 0.1 and n = 100k is about 95; allow 5 sigma.
        assertThat(counts.get("train")).isBetween(80_000 - 650, 80_000 + 650);
        assertThat(counts.get("validation")).isBetween(10_000 - 475, 10_000 + 475);
        assertThat(counts.get("test")).isBetween(10_000 - 475, 10_000 + 475);
    }

    @Test
    void isStableForTheSameSeedAndDiffersAcrossSeeds() {
        SplitAssigner a = new SplitAssigner(1, 0.5, 0.25, 0.25);
        SplitAssigner sameSeed = new SplitAssigner(1, 0.5, 0.25, 0.25);
        SplitAssigner otherSeed = new SplitAssigner(2, 0.5, 0.25, 0.25);
        int differences = 0;
        for (int i = 0; i < 1_000; i++) {
            String id = "id-" + i;
            assertThat(a.splitOf(id)).isEqualTo(sameSeed.splitOf(id));
            differences += a.splitOf(id).equals(otherSeed.splitOf(id)) ? 0 : 1;
        }
        assertThat(differences).isGreaterThan(300);
    }

    @Test
    void knownAssignmentsNeverChange() {
        // Pinned values: a change here silently reshuffles every user's dataset.
        SplitAssigner assigner = new SplitAssigner(42, 0.8, 0.1, 0.1);
        assertThat(assigner.splitOf("wn31-n-00001740")).isEqualTo(PINNED_1);
        assertThat(assigner.splitOf("a")).isEqualTo(PINNED_2);
    }

    @Test
    void zeroSharesAreAllowed() {
        SplitAssigner allTrain = new SplitAssigner(42, 1.0, 0.0, 0.0);
        for (int i = 0; i < 100; i++) {
            assertThat(allTrain.splitOf("x" + i)).isEqualTo("train");
        }
    }

    @Test
    void rejectsSharesThatDoNotAddUp() {
        assertThatThrownBy(() -> new SplitAssigner(1, 0.8, 0.1, 0.2))
                .hasMessageContaining("split.train + split.validation + split.test must be 1");
        assertThatThrownBy(() -> new SplitAssigner(1, 1.2, -0.1, -0.1))
                .hasMessageContaining("split.train");
    }

    private static final String PINNED_1 = "train";
    private static final String PINNED_2 = "train";
}

package io.streamprep.operators.weaklabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelModelsTest {

    @Test
    void majorityVoteIgnoresAbstainsAndGivesNoLabelOnATie() {
        Decision d = MajorityVote.decide(new String[] {"a", null, "a", "b"});
        assertThat(d.label()).isEqualTo("a");
        assertThat(d.confidence()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(MajorityVote.decide(new String[] {"a", "b"}).label()).isNull();
        assertThat(MajorityVote.decide(new String[] {"a", "b"}).confidence()).isEqualTo(0.5);
        assertThat(MajorityVote.decide(new String[] {null, null})).isEqualTo(Decision.none());
        assertThat(MajorityVote.decide(new String[] {"a"}))
                .isEqualTo(new Decision("a", 1.0, 0.0, 1.0));
    }

    @Test
    void entropyAndMargin() {
        assertThat(Uncertainty.normalizedEntropy(new double[] {0.5, 0.5})).isEqualTo(1.0);
        assertThat(Uncertainty.normalizedEntropy(new double[] {1, 0, 0})).isEqualTo(0.0);
        // H(0.9, 0.1) = 0.325083 nats; / ln 2 = 0.468996 bits
        assertThat(Uncertainty.normalizedEntropy(new double[] {0.9, 0.1}))
                .isCloseTo(0.468996, within(1e-6));
        // unnormalized input is normalized first: (2, 1, 1) = (0.5, 0.25, 0.25): 1.5 bits / log2 3
        assertThat(Uncertainty.normalizedEntropy(new double[] {2, 1, 1}))
                .isCloseTo(1.5 / (Math.log(3) / Math.log(2)), within(1e-12));
        assertThat(Uncertainty.margin(new double[] {0.6, 0.3, 0.1})).isCloseTo(0.3, within(1e-12));
        assertThat(Uncertainty.margin(new double[] {0.4, 0.4, 0.2})).isEqualTo(0.0);
        assertThat(Uncertainty.margin(new double[] {0, 0})).isEqualTo(0.0);
    }

    @Test
    void dawidSkeneRecoversKnownAccuraciesOfSyntheticSources() {
        double[] accuracy = {0.9, 0.8, 0.65, 0.55};
        String[] classes = {"neg", "pos"};
        SplittableRandom random = new SplittableRandom(7);
        List<String[]> items = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            int y = random.nextDouble() < 0.6 ? 1 : 0;
            truth.add(classes[y]);
            String[] votes = new String[accuracy.length];
            for (int j = 0; j < accuracy.length; j++) {
                if (random.nextDouble() < 0.2) {
                    continue; // abstain
                }
                votes[j] = classes[random.nextDouble() < accuracy[j] ? y : 1 - y];
            }
            items.add(votes);
        }

        DawidSkene model = DawidSkene.fit(items, 300);

        for (int j = 0; j < accuracy.length; j++) {
            assertThat(model.accuracy(j)).as("source %d", j).isCloseTo(accuracy[j], within(0.03));
        }
        int dsRight = 0;
        int majorityRight = 0;
        for (int i = 0; i < items.size(); i++) {
            if (truth.get(i).equals(model.decide(items.get(i)).label())) {
                dsRight++;
            }
            if (truth.get(i).equals(MajorityVote.decide(items.get(i)).label())) {
                majorityRight++;
            }
        }
        assertThat(dsRight).isGreaterThan(majorityRight);
        assertThat(model.iterations()).as("converged").isLessThan(300);
    }

    @Test
    void dawidSkeneTrustsTheReliableSourceOverTwoUnreliableOnes() {
        // Sources 0 and 1 agree with each other on half the items and are wrong about the rest;
        // source 2 agrees with the majority of an independent pair of accurate sources 3, 4.
        List<String[]> items = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            String y = random.nextBoolean() ? "a" : "b";
            String other = y.equals("a") ? "b" : "a";
            String noisy = random.nextDouble() < 0.45 ? y : other;
            items.add(
                    new String[] {
                        noisy,
                        random.nextDouble() < 0.5 ? noisy : other,
                        random.nextDouble() < 0.95 ? y : other,
                        random.nextDouble() < 0.9 ? y : other,
                        random.nextDouble() < 0.9 ? y : other
                    });
        }
        DawidSkene model = DawidSkene.fit(items, 100);
        assertThat(model.accuracy(2)).isGreaterThan(model.accuracy(0) + 0.3);
        assertThat(model.decide(new String[] {"b", "b", "a", null, null}).label()).isEqualTo("a");
    }

    @Test
    void dawidSkeneIsDeterministicAndHandlesNoVotes() {
        List<String[]> items =
                List.of(
                        new String[] {"a", "a", null},
                        new String[] {null, null, null},
                        new String[] {"b", "a", "b"});
        DawidSkene first = DawidSkene.fit(items, 20);
        DawidSkene second = DawidSkene.fit(items, 20);
        assertThat(first.decide(items.get(2))).isEqualTo(second.decide(items.get(2)));
        assertThat(first.decide(items.get(1))).isEqualTo(Decision.none());
        assertThat(DawidSkene.fit(List.of(), 5).decide(new String[0])).isEqualTo(Decision.none());
    }
}

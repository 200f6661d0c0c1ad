package io.streamprep.operators.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BalanceTargetTest {

    @Test
    void uniformTargetIsReachedExactlyWithinTheMaxFactor() {
        Map<String, Long> counts = Map.of("big", 1000L, "mid", 100L, "small", 10L);

        Map<String, Double> rates = BalanceTarget.rates(counts, Map.of(), 4.0, false, 0.0);

        // The rarest class raised by 4 sets the target: 40 records per class.
        assertThat(rates.get("small")).isCloseTo(4.0, within(1e-12));
        assertThat(rates.get("mid")).isCloseTo(0.4, within(1e-12));
        assertThat(rates.get("big")).isCloseTo(0.04, within(1e-12));
        assertThat(BalanceTarget.totalVariation(outputs(counts, rates), uniform(counts)))
                .isLessThan(1e-12);
    }

    @Test
    void keepingTheInputSizeUnderSamplesFrequentAndOverSamplesRareClasses() {
        Map<String, Long> counts = Map.of("a", 400L, "b", 300L, "c", 200L);

        Map<String, Double> rates = BalanceTarget.rates(counts, Map.of(), 4.0, true, 0.0);
        Map<String, Double> largest = BalanceTarget.rates(counts, Map.of(), 4.0, false, 0.0);

        // 900 records in, 900 out: 300 per class.
        assertThat(rates.get("a")).isCloseTo(0.75, within(1e-12));
        assertThat(rates.get("b")).isCloseTo(1.0, within(1e-12));
        assertThat(rates.get("c")).isCloseTo(1.5, within(1e-12));
        // As large as the max factor allows: 800 per class.
        assertThat(largest.get("a")).isCloseTo(2.0, within(1e-12));
        assertThat(largest.get("c")).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void theInputSizeIsOnlyACapWhenTheRarestClassCannotReachIt() {
        Map<String, Long> counts = Map.of("big", 1000L, "mid", 100L, "small", 10L);

        assertThat(BalanceTarget.rates(counts, Map.of(), 4.0, true, 0.0))
                .isEqualTo(BalanceTarget.rates(counts, Map.of(), 4.0, false, 0.0));
    }

    @Test
    void maxFactorOneIsPureUnderSampling() {
        Map<String, Double> rates =
                BalanceTarget.rates(Map.of("a", 500L, "b", 50L), Map.of(), 1.0, false, 0.0);

        assertThat(rates.get("b")).isEqualTo(1.0);
        assertThat(rates.get("a")).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void explicitWeightsAreRenormalizedOverThePresentClassesAndOthersAreLeftOut() {
        Map<String, Long> counts = Map.of("spam", 900L, "ham", 100L, "other", 7L);
        Map<String, Double> weights = Map.of("spam", 1.0, "ham", 3.0, "absent", 5.0);

        Map<String, Double> rates = BalanceTarget.rates(counts, weights, 2.0, false, 0.0);

        assertThat(rates).containsOnlyKeys("spam", "ham");
        double spam = 900 * rates.get("spam");
        double ham = 100 * rates.get("ham");
        assertThat(ham / (spam + ham)).isCloseTo(0.75, within(1e-12));
        assertThat(rates.get("ham")).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void toleranceTradesDistanceForMoreRecordsWithinTheBound() {
        Map<String, Long> counts = Map.of("a", 5000L, "b", 2000L, "c", 30L);
        Map<String, Double> exact = BalanceTarget.rates(counts, Map.of(), 3.0, false, 0.0);
        Map<String, Double> loose = BalanceTarget.rates(counts, Map.of(), 3.0, false, 0.05);

        double exactOut = total(outputs(counts, exact));
        double looseOut = total(outputs(counts, loose));
        double distance = BalanceTarget.totalVariation(outputs(counts, loose), uniform(counts));

        assertThat(looseOut).isGreaterThan(1.1 * exactOut);
        assertThat(distance).isLessThanOrEqualTo(0.05 + 1e-9).isGreaterThan(0.04);
        assertThat(loose.get("c")).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void noClassBelowItsTargetIsEverUnderSampled() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            Map<String, Long> counts = new TreeMap<>();
            int classes = 1 + random.nextInt(12);
            for (int i = 0; i < classes; i++) {
                counts.put("c" + i, 1L + random.nextInt(random.nextBoolean() ? 20 : 20_000));
            }
            double factor = 1.0 + random.nextDouble() * 9;
            double tolerance = random.nextBoolean() ? 0 : random.nextDouble() * 0.3;

            boolean keepInputSize = random.nextBoolean();
            Map<String, Double> rates =
                    BalanceTarget.rates(counts, Map.of(), factor, keepInputSize, tolerance);

            long min = counts.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            assertThat(
                            rates.get(
                                    counts.entrySet().stream()
                                            .filter(e -> e.getValue() == min)
                                            .findFirst()
                                            .orElseThrow()
                                            .getKey()))
                    .isGreaterThanOrEqualTo(1.0);
            for (Map.Entry<String, Double> e : rates.entrySet()) {
                assertThat(e.getValue()).isPositive().isLessThanOrEqualTo(factor + 1e-9);
            }
            double distance = BalanceTarget.totalVariation(outputs(counts, rates), uniform(counts));
            assertThat(distance).isLessThanOrEqualTo(tolerance + 1e-9);
        }
    }

    @Test
    void emptyAndUnweightedCountsGiveNoRates() {
        assertThat(BalanceTarget.rates(Map.of(), Map.of(), 4.0, false, 0.0)).isEmpty();
        assertThat(BalanceTarget.rates(Map.of("a", 0L), Map.of(), 4.0, false, 0.0)).isEmpty();
        assertThat(BalanceTarget.rates(Map.of("a", 3L), Map.of("b", 1.0), 4.0, false, 0.0))
                .isEmpty();
        assertThat(BalanceTarget.rates(Map.of("a", 3L), Map.of(), 4.0, false, 0.0))
                .containsEntry("a", 4.0);
    }

    @Test
    void totalVariationOfKnownDistributions() {
        assertThat(BalanceTarget.totalVariation(Map.of("a", 1, "b", 1), Map.of("a", 5, "b", 5)))
                .isZero();
        assertThat(BalanceTarget.totalVariation(Map.of("a", 3, "b", 1), Map.of("a", 1, "b", 1)))
                .isCloseTo(0.25, within(1e-12));
        assertThat(BalanceTarget.totalVariation(Map.of("a", 1), Map.of("b", 1))).isEqualTo(1.0);
    }

    private static Map<String, Double> outputs(
            Map<String, Long> counts, Map<String, Double> rates) {
        Map<String, Double> out = new TreeMap<>();
        rates.forEach((label, rate) -> out.put(label, rate * counts.get(label)));
        return out;
    }

    private static Map<String, Double> uniform(Map<String, Long> counts) {
        Map<String, Double> u = new TreeMap<>();
        counts.keySet().forEach(label -> u.put(label, 1.0));
        return u;
    }

    private static double total(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}

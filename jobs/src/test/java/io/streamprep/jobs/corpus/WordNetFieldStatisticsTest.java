package io.streamprep.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamprep.operators.common.StableHash;
import io.streamprep.operators.fields.FieldSpec;
import io.streamprep.operators.fields.FieldSpecs;
import io.streamprep.operators.fields.FieldStatistics;
import io.streamprep.operators.fields.FrozenStats;
import io.streamprep.operators.fields.NumericStats;
import io.streamprep.operators.fields.NumericSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The online statistics of the structured-fields stage against a two-pass computation on real data:
 * the character lengths and word counts of WordNet 3.1's 117,791 glosses.
 */
class WordNetFieldStatisticsTest {

    private static final double[] QUANTILES = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};

    private static final List<FieldSpec> SPECS =
            FieldSpecs.parse(List.of("chars: numeric", "words: numeric"));

    private static double[] chars;
    private static double[] words;
    private static String[] ids;

    @BeforeAll
    static void readGlosses() {
        List<double[]> values = new ArrayList<>();
        List<String> idList = new ArrayList<>();
        WordNetCorpus.forEach(
                WordNetCorpus.Options.all(),
                r -> {
                    values.add(
                            new double[] {r.text().length(), r.text().trim().split("\\s+").length});
                    idList.add(r.id());
                });
        chars = values.stream().mapToDouble(v -> v[0]).toArray();
        words = values.stream().mapToDouble(v -> v[1]).toArray();
        ids = idList.toArray(String[]::new);
        assertThat(chars).hasSize(117_791);
    }

    @Test
    void welfordMeanAndVarianceEqualTheTwoPassValues() {
        for (double[] data : List.of(chars, words)) {
            NumericStats stats = new NumericStats();
            Arrays.stream(data).forEach(stats::add);
            double mean = Arrays.stream(data).sum() / data.length;
            double variance =
                    Arrays.stream(data).map(x -> (x - mean) * (x - mean)).sum() / data.length;
            assertThat(stats.count()).isEqualTo(data.length);
            assertThat(stats.mean()).isCloseTo(mean, within(1e-12 * mean));
            assertThat(stats.variance()).isCloseTo(variance, within(1e-10 * variance));
            assertThat(stats.min()).isEqualTo(Arrays.stream(data).min().orElseThrow());
            assertThat(stats.max()).isEqualTo(Arrays.stream(data).max().orElseThrow());
            assertQuantilesWithinRankError(stats, data);
        }
    }

    @Test
    void mergedPartialsOfFourSubtasksEqualTheWholeWithinTheSameBounds() {
        FieldStatistics[] partials = new FieldStatistics[4];
        for (int p = 0; p < partials.length; p++) {
            partials[p] = new FieldStatistics(SPECS);
        }
        for (int i = 0; i < chars.length; i++) {
            FieldStatistics partial =
                    partials[(int) Math.floorMod(StableHash.hash64(0, ids[i]), partials.length)];
            partial.addNumeric(SPECS.get(0), chars[i]);
            partial.addNumeric(SPECS.get(1), words[i]);
        }
        FieldStatistics merged = new FieldStatistics(SPECS);
        for (FieldStatistics partial : partials) {
            // through bytes, as the operator state and the statistics writer pass them
            merged.merge(FieldStatistics.fromBytes(SPECS, partial.toBytes()));
        }
        NumericStats whole = new NumericStats();
        Arrays.stream(chars).forEach(whole::add);
        NumericStats m = merged.numericStats("chars");
        assertThat(m.count()).isEqualTo(whole.count());
        assertThat(m.mean()).isCloseTo(whole.mean(), within(1e-12 * whole.mean()));
        assertThat(m.variance()).isCloseTo(whole.variance(), within(1e-10 * whole.variance()));
        assertQuantilesWithinRankError(m, chars);
        assertQuantilesWithinRankError(merged.numericStats("words"), words);
    }

    @Test
    void theStatisticsFileRoundTripsIntoFrozenStatistics() {
        FieldStatistics stats = new FieldStatistics(SPECS);
        Arrays.stream(chars).forEach(x -> stats.addNumeric(SPECS.get(0), x));
        NumericSummary live = stats.numericStats("chars").summary(true);
        FrozenStats frozen = FrozenStats.fromJson(stats.toJson(), SPECS, "x");
        assertThat(frozen.numeric(SPECS.get(0))).isEqualTo(live);
        assertThat(frozen.numeric(SPECS.get(1)).count()).isZero();
    }

    /** The exact rank interval of each sketch quantile must reach within the rank error of q. */
    private static void assertQuantilesWithinRankError(NumericStats stats, double[] data) {
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        double eps = stats.rankError();
        assertThat(eps).isLessThan(0.02);
        for (double q : QUANTILES) {
            double v = stats.quantile(q);
            double below = countBelow(sorted, v, false) / (double) sorted.length;
            double atOrBelow = countBelow(sorted, v, true) / (double) sorted.length;
            assertThat(atOrBelow)
                    .as("rank of the %s-quantile %s", q, v)
                    .isGreaterThanOrEqualTo(q - eps);
            assertThat(below).as("rank of the %s-quantile %s", q, v).isLessThanOrEqualTo(q + eps);
        }
    }

    private static int countBelow(double[] sorted, double v, boolean inclusive) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v || (inclusive && sorted[mid] == v)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

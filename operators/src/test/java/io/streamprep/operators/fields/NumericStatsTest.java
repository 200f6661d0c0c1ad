package io.streamprep.operators.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumericStatsTest {

    @Test
    void quartilesReadPerRecordAreRefreshedOnceTheCountGrewByOnePercent() {
        NumericStats stats = new NumericStats();
        for (int i = 1; i <= 100; i++) {
            stats.add(i);
        }
        // below 200 values the threshold is one value: every read after an update is fresh
        assertThat(stats.summary(true).median()).isEqualTo(50.0);
        stats.add(1_000);
        assertThat(stats.summary(true).median()).isEqualTo(51.0);
        for (int i = 102; i <= 1_000; i++) {
            stats.add(i % 7);
        }
        double cached = stats.summary(true).median();
        for (int i = 0; i < 9; i++) {
            stats.add(1_000_000);
        }
        // 1,009 values: 9 < 1% of them since the last read, so the cached quartiles are kept
        assertThat(stats.summary(true).median()).isEqualTo(cached);
        assertThat(stats.freshSummary().median()).isEqualTo(stats.quantile(0.5));
        double fresh = stats.quantile(0.5);
        for (int i = 0; i < 8; i++) {
            stats.add(1_000_000);
        }
        assertThat(stats.summary(true).median()).isEqualTo(fresh);
        stats.add(-5);
        assertThat(stats.summary(true).median()).isEqualTo(fresh);
        for (int i = 0; i < 10; i++) {
            stats.add(2_000_000);
        }
        assertThat(stats.summary(true).median()).isEqualTo(stats.quantile(0.5));
    }

    @Test
    void emptyStatisticsHaveNoValues() {
        assertThat(new NumericStats().summary(true)).isEqualTo(NumericSummary.EMPTY);
        assertThat(new NumericStats().quantile(0.5)).isNaN();
    }
}

package io.streamprep.operators.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StableHashTest {

    @Test
    void pinnedValuesNeverChange() {
        // SHA-256 based; these values must be identical on every JVM and release.
        assertThat(StableHash.fingerprint("hello")).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e");
        assertThat(StableHash.hash64(42, "a")).isEqualTo(StableHash.hash64(42, "a"));
    }

    @Test
    void partsAreLengthPrefixed() {
        assertThat(StableHash.hash64(1, "ab", "c")).isNotEqualTo(StableHash.hash64(1, "a", "bc"));
        assertThat(StableHash.hash64(1, "a")).isNotEqualTo(StableHash.hash64(2, "a"));
    }

    @Test
    void unitIntervalIsInRange() {
        for (int i = 0; i < 10_000; i++) {
            double u = StableHash.unitInterval(7, Integer.toString(i));
            assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void randomIsSeededByIdAndVariant() {
        assertThat(StableHash.random(1, "r", 0).nextLong())
                .isEqualTo(StableHash.random(1, "r", 0).nextLong())
                .isNotEqualTo(StableHash.random(1, "r", 1).nextLong());
    }
}

package io.streamprep.operators.dedup.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongPairSetTest {

    @Test
    void keepsEachPairOnceAndFindsItsValuesByKey() {
        LongPairSet set = new LongPairSet();
        assertThat(set.add(7, 100)).isTrue();
        assertThat(set.add(7, 200)).isTrue();
        assertThat(set.add(7, 100)).isFalse();
        assertThat(set.add(8, 100)).isTrue();

        assertThat(set.values(7)).containsExactlyInAnyOrder(100, 200);
        assertThat(set.values(8)).containsExactly(100);
        assertThat(set.values(9)).isEmpty();
        assertThat(set.size()).isEqualTo(3);

        assertThat(set.remove(7, 100)).isTrue();
        assertThat(set.remove(7, 100)).isFalse();
        assertThat(set.values(7)).containsExactly(200);
        assertThat(set.size()).isEqualTo(2);
    }

    /**
     * Random adds and removes against a plain map of sets, with few keys (long runs of one key) and
     * many (runs that interleave and wrap around the table's end), through growing and shrinking:
     * the case backward-shift deletion gets wrong if it ever leaves a gap in a run.
     */
    @Test
    void agreesWithAMapOfSetsThroughRandomAddsAndRemoves() {
        for (int distinctKeys : new int[] {3, 50, 100_000}) {
            Random random = new Random(distinctKeys);
            LongPairSet set = new LongPairSet();
            Map<Long, Set<Long>> expected = new HashMap<>();
            List<long[]> added = new ArrayList<>();
            for (int step = 0; step < 200_000; step++) {
                boolean grow = step < 120_000 ? random.nextInt(4) != 0 : random.nextInt(4) == 0;
                if (grow || added.isEmpty()) {
                    long key = random.nextInt(distinctKeys) * 0x1000_0001L - 5_000;
                    long value = random.nextInt(64);
                    boolean isNew = expected.computeIfAbsent(key, k -> new HashSet<>()).add(value);
                    assertThat(set.add(key, value)).isEqualTo(isNew);
                    if (isNew) {
                        added.add(new long[] {key, value});
                    }
                } else {
                    long[] pair = added.remove(random.nextInt(added.size()));
                    assertThat(set.remove(pair[0], pair[1])).isTrue();
                    expected.get(pair[0]).remove(pair[1]);
                }
            }
            assertThat(set.size()).isEqualTo(added.size());
            for (Map.Entry<Long, Set<Long>> e : expected.entrySet()) {
                assertThat(set.values(e.getKey()))
                        .as("values of %d", e.getKey())
                        .containsExactlyInAnyOrder(
                                e.getValue().stream().mapToLong(Long::longValue).toArray());
            }
            for (long[] pair : added) {
                assertThat(set.remove(pair[0], pair[1])).isTrue();
            }
            assertThat(set.size()).isZero();
            assertThat(set.values(added.isEmpty() ? 0 : added.get(0)[0])).isEmpty();
        }
    }
}

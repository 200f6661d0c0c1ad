package io.streamprep.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The paced runs' record order: every record once, and an even mix throughout. */
class BenchCorpusOrderTest {

    @Test
    void everyRecordComesExactlyOnce() {
        for (int size : new int[] {1, 2, 3, 4, 10, 1000, 1024, 172_945, 331_069}) {
            int stride = BenchCorpus.stride(size);
            BitSet seen = new BitSet(size);
            for (int k = 0; k < size; k++) {
                int i = BenchCorpus.mixed(k, size, stride);
                assertThat(i).isBetween(0, size - 1);
                assertThat(seen.get(i)).as("size %d, index %d twice", size, i).isFalse();
                seen.set(i);
            }
            assertThat(seen.cardinality()).isEqualTo(size);
        }
    }

    @Test
    void everyStretchHasTheCorpusMix() {
        // The 20 MB corpus: 117,174 WordNet glosses, then 55,771 longer Debian paragraphs.
        int size = 172_945;
        int wordNet = 117_174;
        int stride = BenchCorpus.stride(size);
        double docShare = (size - wordNet) / (double) size;
        int window = 1_000;
        for (int from = 0; from + window <= size; from += window) {
            int docs = 0;
            for (int k = from; k < from + window; k++) {
                if (BenchCorpus.mixed(k, size, stride) >= wordNet) {
                    docs++;
                }
            }
            assertThat(docs / (double) window)
                    .as("records %d..", from)
                    .isCloseTo(docShare, org.assertj.core.api.Assertions.within(0.02));
        }
    }
}

package io.streamprep.operators.fields;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Running statistics of one numeric field in bounded memory: count, mean and variance by Welford's
 * algorithm (merged with Chan et al.'s formula), min, max, and a KLL quantile sketch (Apache
 * DataSketches, k = {@value #K}: normalized single-rank error about 1.3% at 99% confidence, a few
 * KB).
 *
 * <p>Not thread-safe. The sketch's compactions are randomized, so quantiles of the same values may
 * differ slightly between runs; only frozen statistics are reproducible.
 */
public final class NumericStats {

    static final int K = 200;

    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(K);

    // Reading a quantile after an update rebuilds the sketch's sorted view; quartiles read per
    // record are refreshed once the count grew by 1% (always below 100 values) instead.
    private long quartilesAt = -1;
    private double[] quartiles;

    public void add(double x) {
        count++;
        double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
        min = Math.min(min, x);
        max = Math.max(max, x);
        sketch.update(x);
    }

    /** Adds everything {@code other} has seen. */
    public void merge(NumericStats other) {
        if (other.count == 0) {
            return;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        mean += delta * other.count / n;
        m2 += other.m2 + delta * delta * ((double) count * other.count / n);
        count = n;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        sketch.merge(other.sketch);
        quartilesAt = -1;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    /** Population variance (ddof 0, as scikit-learn's StandardScaler). */
    public double variance() {
        return count == 0 ? 0 : m2 / count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The approximate q-quantile (0 ≤ q ≤ 1), or NaN when empty. */
    public double quantile(double q) {
        return sketch.isEmpty() ? Double.NaN : sketch.getQuantile(q);
    }

    /** Rank error bound of {@link #quantile} (normalized, two-sided, 99% confidence). */
    public double rankError() {
        return sketch.getNormalizedRankError(false);
    }

    /**
     * A snapshot of the values the treatments use (quantiles only if asked for). Quartiles are
     * refreshed when the count has grown by 1% since they were last read (at every value below
     * 100), so per-record reads stay cheap.
     */
    public NumericSummary summary(boolean withQuantiles) {
        if (count == 0) {
            return NumericSummary.EMPTY;
        }
        double[] q =
                withQuantiles ? quartiles() : new double[] {Double.NaN, Double.NaN, Double.NaN};
        return new NumericSummary(count, mean, Math.sqrt(variance()), min, max, q[0], q[1], q[2]);
    }

    /** Like {@link #summary}, with quartiles read from the sketch now. */
    public NumericSummary freshSummary() {
        quartilesAt = -1;
        return summary(true);
    }

    private double[] quartiles() {
        if (quartilesAt < 0 || count - quartilesAt >= Math.max(1, count / 100)) {
            quartiles = new double[] {quantile(0.25), quantile(0.5), quantile(0.75)};
            quartilesAt = count;
        }
        return quartiles;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeLong(count);
        out.writeDouble(mean);
        out.writeDouble(m2);
        out.writeDouble(min);
        out.writeDouble(max);
        byte[] bytes = sketch.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static NumericStats read(DataInputStream in) throws IOException {
        NumericStats s = new NumericStats();
        s.count = in.readLong();
        s.mean = in.readDouble();
        s.m2 = in.readDouble();
        s.min = in.readDouble();
        s.max = in.readDouble();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        s.sketch = KllDoublesSketch.heapify(Memory.wrap(bytes));
        return s;
    }
}

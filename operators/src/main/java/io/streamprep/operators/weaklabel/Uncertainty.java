package io.streamprep.operators.weaklabel;

/** Uncertainty scores of a class distribution, for ranking annotation requests. */
public final class Uncertainty {

    private Uncertainty() {}

    /**
     * The distribution scaled to sum 1; negative or non-finite entries count as 0, and an all-zero
     * input becomes uniform.
     */
    public static double[] normalize(double[] p) {
        double sum = 0;
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = Double.isFinite(p[i]) && p[i] > 0 ? p[i] : 0;
            sum += q[i];
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = sum > 0 ? q[i] / sum : 1.0 / q.length;
        }
        return q;
    }

    /**
     * Shannon entropy divided by its maximum {@code ln(k)}: 0 for a certain distribution, 1 for a
     * uniform one. A distribution over fewer than two classes has entropy 0.
     */
    public static double normalizedEntropy(double[] p) {
        if (p.length < 2) {
            return 0;
        }
        double[] q = normalize(p);
        double h = 0;
        for (double x : q) {
            if (x > 0) {
                h -= x * Math.log(x);
            }
        }
        return Math.min(1.0, Math.max(0.0, h / Math.log(q.length)));
    }

    /** The gap between the two largest probabilities: 1 when certain, 0 on a tie at the top. */
    public static double margin(double[] p) {
        double[] q = normalize(p);
        double first = 0;
        double second = 0;
        for (double x : q) {
            if (x > first) {
                second = first;
                first = x;
            } else if (x > second) {
                second = x;
            }
        }
        return q.length < 2 ? 1.0 : first - second;
    }
}

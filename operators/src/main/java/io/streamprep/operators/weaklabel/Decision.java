package io.streamprep.operators.weaklabel;

/**
 * A label model's verdict for one item.
 *
 * @param label the most probable class, or {@code null} when there was no vote or the top classes
 *     tie
 * @param confidence the probability of {@code label} (of the top class on a tie; 0 without votes)
 * @param entropy normalized entropy of the class distribution (1 without votes)
 * @param margin gap between the two most probable classes (0 without votes)
 */
public record Decision(String label, double confidence, double entropy, double margin) {

    private static final double TIE = 1e-12;

    /** The verdict without any vote. */
    public static Decision none() {
        return new Decision(null, 0, 1, 0);
    }

    /** The verdict for a distribution over {@code classes} (same order). */
    public static Decision of(String[] classes, double[] distribution) {
        if (classes.length == 0) {
            return none();
        }
        double[] p = Uncertainty.normalize(distribution);
        int best = 0;
        boolean tie = false;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best] + TIE) {
                best = i;
                tie = false;
            } else if (Math.abs(p[i] - p[best]) <= TIE) {
                tie = true;
            }
        }
        return new Decision(
                tie ? null : classes[best],
                p[best],
                Uncertainty.normalizedEntropy(p),
                Uncertainty.margin(p));
    }
}

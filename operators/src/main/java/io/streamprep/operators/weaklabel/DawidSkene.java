package io.streamprep.operators.weaklabel;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The Dawid-Skene label model (Dawid and Skene, 1979): every source (labelling function or
 * annotator) has a confusion matrix P(vote | true class), every class a prior; both are estimated
 * by EM from the votes alone, starting from the majority vote. Abstentions are missing
 * observations.
 *
 * <p>Deterministic: the same items in the same order give the same model, bit for bit (callers sort
 * items by event time and id before fitting). Add-{@value #SMOOTHING} smoothing keeps every
 * probability positive, so a source that never voted a class cannot veto it.
 */
public final class DawidSkene {

    static final double SMOOTHING = 0.01;
    private static final double TOLERANCE = 1e-6;

    private final String[] classes;
    private final double[] prior;
    private final double[][][] confusion; // [source][true class][vote]
    private final int iterations;

    private DawidSkene(String[] classes, double[] prior, double[][][] confusion, int iterations) {
        this.classes = classes;
        this.prior = prior;
        this.confusion = confusion;
        this.iterations = iterations;
    }

    /**
     * Fits the model.
     *
     * @param items each item's votes, one entry per source ({@code null} for abstain); all items
     *     have the same number of sources
     * @param maxIterations EM iterations at most (at least 1)
     */
    public static DawidSkene fit(List<String[]> items, int maxIterations) {
        int sources = items.isEmpty() ? 0 : items.get(0).length;
        TreeSet<String> seen = new TreeSet<>();
        for (String[] votes : items) {
            if (votes.length != sources) {
                throw new IllegalArgumentException("items have different numbers of sources");
            }
            for (String v : votes) {
                if (v != null) {
                    seen.add(v);
                }
            }
        }
        String[] classes = seen.toArray(String[]::new);
        int k = classes.length;
        int[][] observed = new int[items.size()][sources];
        for (int i = 0; i < items.size(); i++) {
            for (int j = 0; j < sources; j++) {
                String v = items.get(i)[j];
                observed[i][j] = v == null ? -1 : Arrays.binarySearch(classes, v);
            }
        }
        double[][] t = new double[items.size()][];
        for (int i = 0; i < t.length; i++) {
            t[i] = majority(observed[i], k);
        }
        double[] prior = new double[k];
        double[][][] confusion = new double[sources][k][k];
        int iteration = 0;
        while (iteration < Math.max(1, maxIterations)) {
            iteration++;
            mStep(observed, t, prior, confusion);
            double[] logPrior = logOf(prior);
            double[][][] logConf = logOf(confusion);
            double change = 0;
            for (int i = 0; i < t.length; i++) {
                if (t[i] == null) {
                    continue;
                }
                double[] next = posterior(observed[i], logPrior, logConf);
                for (int c = 0; c < k; c++) {
                    change = Math.max(change, Math.abs(next[c] - t[i][c]));
                }
                t[i] = next;
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        mStep(observed, t, prior, confusion);
        return new DawidSkene(classes, prior, confusion, iteration);
    }

    private static double[] majority(int[] votes, int k) {
        double[] t = new double[k];
        int n = 0;
        for (int v : votes) {
            if (v >= 0) {
                t[v]++;
                n++;
            }
        }
        if (n == 0) {
            return null; // no evidence: takes no part in the estimates
        }
        for (int c = 0; c < k; c++) {
            t[c] /= n;
        }
        return t;
    }

    private static void mStep(int[][] observed, double[][] t, double[] prior, double[][][] conf) {
        int k = prior.length;
        Arrays.fill(prior, SMOOTHING);
        for (double[][] source : conf) {
            for (double[] row : source) {
                Arrays.fill(row, SMOOTHING);
            }
        }
        for (int i = 0; i < t.length; i++) {
            if (t[i] == null) {
                continue;
            }
            for (int c = 0; c < k; c++) {
                prior[c] += t[i][c];
                for (int j = 0; j < observed[i].length; j++) {
                    if (observed[i][j] >= 0) {
                        conf[j][c][observed[i][j]] += t[i][c];
                    }
                }
            }
        }
        normalizeInPlace(prior);
        for (double[][] source : conf) {
            for (double[] row : source) {
                normalizeInPlace(row);
            }
        }
    }

    private static void normalizeInPlace(double[] p) {
        double sum = 0;
        for (double x : p) {
            sum += x;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
    }

    private static double[] posterior(int[] votes, double[] logPrior, double[][][] logConf) {
        int k = logPrior.length;
        double[] log = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            log[c] = logPrior[c];
            for (int j = 0; j < votes.length; j++) {
                if (votes[j] >= 0) {
                    log[c] += logConf[j][c][votes[j]];
                }
            }
            max = Math.max(max, log[c]);
        }
        double[] p = new double[k];
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(log[c] - max);
        }
        normalizeInPlace(p);
        return p;
    }

    private static double[] logOf(double[] p) {
        double[] log = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            log[i] = Math.log(p[i]);
        }
        return log;
    }

    private static double[][][] logOf(double[][][] conf) {
        double[][][] log = new double[conf.length][][];
        for (int j = 0; j < conf.length; j++) {
            log[j] = new double[conf[j].length][];
            for (int c = 0; c < conf[j].length; c++) {
                log[j][c] = logOf(conf[j][c]);
            }
        }
        return log;
    }

    /** The verdict for one item's votes; votes for classes the model never saw are ignored. */
    public Decision decide(String[] votes) {
        int[] observed = new int[votes.length];
        boolean any = false;
        for (int j = 0; j < votes.length; j++) {
            observed[j] =
                    votes[j] == null || j >= confusion.length
                            ? -1
                            : Arrays.binarySearch(classes, votes[j]);
            if (observed[j] < 0) {
                observed[j] = -1;
            } else {
                any = true;
            }
        }
        if (!any) {
            return Decision.none();
        }
        return Decision.of(classes, posterior(observed, logOf(prior), logOf(confusion)));
    }

    /** The estimated accuracy of a source: P(vote = true class | it votes), under the priors. */
    public double accuracy(int source) {
        double a = 0;
        for (int c = 0; c < classes.length; c++) {
            a += prior[c] * confusion[source][c][c];
        }
        return a;
    }

    public String[] classes() {
        return classes.clone();
    }

    /** EM iterations run. */
    public int iterations() {
        return iterations;
    }
}

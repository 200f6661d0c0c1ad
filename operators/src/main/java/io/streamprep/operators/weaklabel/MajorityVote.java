package io.streamprep.operators.weaklabel;

import java.util.Map;
import java.util.TreeMap;

/**
 * Majority vote over the non-abstaining votes: the confidence is the winner's share of the votes; a
 * tie at the top gives no label. Abstains (all {@code null}) give {@link Decision#none()}.
 */
public final class MajorityVote {

    private MajorityVote() {}

    public static Decision decide(String[] votes) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String v : votes) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return Decision.none();
        }
        String[] classes = new String[counts.size()];
        double[] p = new double[counts.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            classes[i] = e.getKey();
            p[i++] = e.getValue();
        }
        return Decision.of(classes, p);
    }
}

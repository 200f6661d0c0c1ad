package io.streamprep.operators.augment.text;

import java.io.Serializable;
import java.util.Objects;

/**
 * One EDA operation of the policy with its strength and how often variants use it.
 *
 * @param operation the operation
 * @param alpha share of the words changed (replaced, inserted, swapped; for deletion, each word's
 *     deletion probability), in [0, 1]
 * @param probability probability that a variant applies this operation, in [0, 1]
 * @throws IllegalArgumentException if alpha or probability is outside [0, 1]
 */
public record EdaStep(EdaOperation operation, double alpha, double probability)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public EdaStep {
        Objects.requireNonNull(operation, "operation");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException(
                    operation.code() + " alpha must be in [0, 1], but is " + alpha);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    operation.code() + " probability must be in [0, 1], but is " + probability);
        }
    }

    /** How many words a count-based operation changes in a text of {@code words} words. */
    int changes(int words) {
        if (alpha == 0 || words == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.round(alpha * words));
    }
}

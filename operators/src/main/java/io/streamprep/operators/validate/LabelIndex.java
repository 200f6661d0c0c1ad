package io.streamprep.operators.validate;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps labels to {@code label_id}: a label's position in the configured list. With an empty list
 * every label is accepted and gets id -1.
 */
public final class LabelIndex implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The id of unlabelled records, and of every record when no label list is configured. */
    public static final int NO_LABEL = -1;

    private final List<String> labels;
    private final Map<String, Integer> ids = new HashMap<>();

    /**
     * @throws IllegalArgumentException if the list names a label twice or contains a blank label
     */
    public LabelIndex(List<String> labels) {
        this.labels = List.copyOf(labels);
        for (int i = 0; i < this.labels.size(); i++) {
            String label = this.labels.get(i);
            if (label.isBlank()) {
                throw new IllegalArgumentException("labels.list contains a blank label");
            }
            if (ids.put(label, i) != null) {
                throw new IllegalArgumentException("labels.list names '" + label + "' twice");
            }
        }
    }

    /** Whether a label list is configured at all. */
    public boolean constrained() {
        return !labels.isEmpty();
    }

    /** Whether the label is acceptable: no list configured, or the list contains it. */
    public boolean accepts(String label) {
        return !constrained() || ids.containsKey(label);
    }

    /** The label's id; {@link #NO_LABEL} for {@code null} or when no list is configured. */
    public int idOf(String label) {
        if (label == null) {
            return NO_LABEL;
        }
        Integer id = ids.get(label);
        return id == null ? NO_LABEL : id;
    }

    public List<String> labels() {
        return labels;
    }
}

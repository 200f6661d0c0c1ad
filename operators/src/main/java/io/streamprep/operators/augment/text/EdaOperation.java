package io.streamprep.operators.augment.text;

/** The four EDA operations (Wei & Zou 2019), by the code used in config and provenance. */
public enum EdaOperation {
    SYNONYM_REPLACE("synonym_replace"),
    RANDOM_INSERT("random_insert"),
    RANDOM_SWAP("random_swap"),
    RANDOM_DELETE("random_delete");

    private final String code;

    EdaOperation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The operation with this code.
     *
     * @throws IllegalArgumentException for an unknown code, listing the known ones
     */
    public static EdaOperation fromCode(String code) {
        for (EdaOperation op : values()) {
            if (op.code.equals(code.strip())) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "Unknown EDA operation '"
                        + code
                        + "'; known: synonym_replace, random_insert, random_swap, random_delete");
    }
}

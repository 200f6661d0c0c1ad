package io.streamprep.operators.fields;

/** The JSON shape a declared {@code meta} field must have. */
public enum FieldType {
    /** A JSON number. */
    NUMERIC,
    /** A JSON string (numbers and booleans are taken as their text) from a vocabulary. */
    CATEGORICAL,
    /** A JSON boolean. */
    BOOLEAN,
    /** Epoch milliseconds as a JSON number, or an ISO-8601 instant string; treated as numeric. */
    TIMESTAMP;

    boolean isNumeric() {
        return this == NUMERIC || this == TIMESTAMP;
    }
}

package io.streamprep.operators.fields;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing of field values and constants. */
final class FieldValues {

    private FieldValues() {}

    /** A finite double, or null. */
    static Double parseDouble(String text) {
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Epoch millis from a number or an ISO-8601 instant or offset date-time, or null. */
    static Long parseTimestamp(String text) {
        String t = text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // not a number: try ISO-8601 below
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}

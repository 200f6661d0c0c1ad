package io.streamprep.operators.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics loaded from a {@code field-stats.json} and never updated: every record is treated with
 * the same numbers whatever the order, parallelism or replay, so outputs are deterministic.
 */
public final class FrozenStats implements StatsView, Serializable {

    private static final long serialVersionUID = 1L;

    static final int VERSION = 1;
    static final String UNKNOWN = "<unknown>";

    private final Map<String, NumericSummary> numeric;
    private final Map<String, String> modes;
    private final String digest;

    private FrozenStats(
            Map<String, NumericSummary> numeric, Map<String, String> modes, String digest) {
        this.numeric = numeric;
        this.modes = modes;
        this.digest = digest;
    }

    /**
     * Reads the statistics of every declared field.
     *
     * @param document the parsed file
     * @param digest an identifier of the file recorded with every record (e.g. its SHA-256)
     * @throws IllegalArgumentException naming the field, if a declared field is absent or has
     *     another type
     */
    public static FrozenStats fromJson(JsonNode document, List<FieldSpec> specs, String digest) {
        if (document.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException(
                    "field statistics: expected \"version\": " + VERSION);
        }
        JsonNode fields = document.path("fields");
        Map<String, NumericSummary> numeric = new HashMap<>();
        Map<String, String> modes = new HashMap<>();
        for (FieldSpec spec : specs) {
            JsonNode field = fields.path(spec.name());
            String type = spec.type().name().toLowerCase(java.util.Locale.ROOT);
            if (!field.isObject() || !type.equals(field.path("type").asText())) {
                throw new IllegalArgumentException(
                        "field statistics: no "
                                + type
                                + " statistics for declared field '"
                                + spec.name()
                                + "'");
            }
            if (spec.type().isNumeric()) {
                numeric.put(
                        spec.name(),
                        new NumericSummary(
                                field.path("count").asLong(0),
                                number(field, "mean"),
                                number(field, "std"),
                                number(field, "min"),
                                number(field, "max"),
                                number(field, "q1"),
                                number(field, "median"),
                                number(field, "q3")));
            } else {
                JsonNode mode = field.path("mode");
                modes.put(spec.name(), mode.isTextual() ? mode.asText() : null);
            }
        }
        return new FrozenStats(numeric, modes, digest);
    }

    private static double number(JsonNode field, String key) {
        JsonNode n = field.path(key);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** The identifier of the file these statistics came from. */
    public String digest() {
        return digest;
    }

    @Override
    public NumericSummary numeric(FieldSpec spec) {
        return numeric.getOrDefault(spec.name(), NumericSummary.EMPTY);
    }

    @Override
    public String mode(FieldSpec spec) {
        String mode = modes.get(spec.name());
        return mode != null && spec.vocabulary().contains(mode) ? mode : null;
    }
}

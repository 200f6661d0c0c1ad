package io.streamprep.operators.fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprep.operators.fields.FieldSpec.MissingAction;
import io.streamprep.operators.fields.FieldSpec.OutlierMethod;
import io.streamprep.operators.fields.FieldSpec.Outliers;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.serde.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the declared treatments to one record's {@code meta} object: type checks, missing values,
 * outliers, scaling and categorical encoding, and builds the features JSON (one object per declared
 * field, in declaration order, plus {@code _stats} naming where the statistics came from).
 *
 * <p>Treatments read {@code used} statistics as they were before the record; afterwards every
 * well-typed observed value is added to {@code observed}. In online mode both are the same running
 * {@link FieldStatistics}; in frozen mode {@code used} is a {@link FrozenStats} and {@code
 * observed} only feeds the statistics file. A record with a wrongly typed field adds nothing.
 */
public final class FieldProcessor {

    private final List<FieldSpec> specs;
    private final StatsView used;
    private final FieldStatistics observed;
    private final int minCount;
    private final ObjectNode statsSource;

    /**
     * @param used the statistics treatments read (frozen, or {@code observed} itself for online)
     * @param observed the running statistics to update
     * @param minCount online mode: observed values needed before outliers are judged
     */
    public FieldProcessor(
            List<FieldSpec> specs, StatsView used, FieldStatistics observed, int minCount) {
        this.specs = List.copyOf(specs);
        this.used = Objects.requireNonNull(used, "used");
        this.observed = Objects.requireNonNull(observed, "observed");
        this.minCount = used instanceof FrozenStats ? 1 : minCount;
        this.statsSource = Json.MAPPER.createObjectNode();
        if (used instanceof FrozenStats frozen) {
            statsSource.put("mode", "frozen");
            statsSource.put("file", frozen.digest());
        } else {
            statsSource.put("mode", "online");
        }
    }

    /** Treats the fields of {@code metaJson} (null: no meta), adding to {@code features}. */
    public FieldOutcome process(String metaJson, String features) {
        JsonNode meta;
        ObjectNode out;
        try {
            meta =
                    metaJson == null
                            ? Json.MAPPER.createObjectNode()
                            : Json.MAPPER.readTree(metaJson);
            out =
                    features == null
                            ? Json.MAPPER.createObjectNode()
                            : (ObjectNode) Json.MAPPER.readTree(features);
        } catch (JsonProcessingException | ClassCastException e) {
            return FieldOutcome.reject(RejectReason.WRONG_TYPE, "meta is not a JSON object");
        }
        List<Runnable> observations = new ArrayList<>();
        FieldOutcome reject = null;
        int imputed = 0;
        int outliers = 0;
        for (FieldSpec spec : specs) {
            JsonNode raw = meta.get(spec.name());
            boolean missing = raw == null || raw.isNull();
            ObjectNode field = Json.MAPPER.createObjectNode();
            Object value = missing ? null : typed(spec, raw);
            if (!missing && value == null) {
                return FieldOutcome.reject(
                        RejectReason.WRONG_TYPE,
                        "meta." + spec.name() + " is not a valid " + typeName(spec) + ": " + raw);
            }
            if (missing && spec.missing().action() == MissingAction.DROP) {
                reject =
                        reject != null
                                ? reject
                                : FieldOutcome.reject(
                                        RejectReason.MISSING_FIELD,
                                        "meta." + spec.name() + " is missing");
                continue;
            }
            field.put("missing", missing);
            if (missing) {
                value = impute(spec);
                field.put("imputed", value != null);
                imputed += value != null ? 1 : 0;
            } else {
                field.put("imputed", false);
                Object observedValue = value;
                observations.add(() -> observe(spec, observedValue));
            }
            if (spec.type().isNumeric()) {
                Double x = value == null ? null : ((Number) value).doubleValue();
                if (spec.type() == FieldType.TIMESTAMP && value != null) {
                    field.put("value", ((Number) value).longValue());
                } else {
                    field.put("value", x);
                }
                NumericSummary stats = used.numeric(spec);
                if (spec.outliers() != null) {
                    String why = !missing ? outlier(spec.outliers(), stats, x) : null;
                    field.put("outlier", why != null);
                    if (why != null) {
                        outliers++;
                        if (spec.outliers().drop() && reject == null) {
                            reject =
                                    FieldOutcome.reject(
                                            RejectReason.OUTLIER,
                                            "meta." + spec.name() + "=" + raw + " " + why);
                        }
                    }
                }
                scale(spec, stats, x, field);
            } else {
                encode(spec, value, field);
            }
            out.set(spec.name(), field);
        }
        observations.forEach(Runnable::run);
        if (reject != null) {
            return reject;
        }
        out.set("_stats", statsSource);
        return new FieldOutcome(Json.toString(out), null, null, imputed, outliers);
    }

    /** The value as Double, Long (timestamp), String (categorical) or Boolean, or null. */
    private static Object typed(FieldSpec spec, JsonNode raw) {
        return switch (spec.type()) {
            case NUMERIC ->
                    raw.isNumber() && Double.isFinite(raw.asDouble()) ? raw.asDouble() : null;
            case TIMESTAMP ->
                    raw.isIntegralNumber()
                            ? Long.valueOf(raw.asLong())
                            : raw.isTextual() ? FieldValues.parseTimestamp(raw.asText()) : null;
            case CATEGORICAL -> raw.isValueNode() ? raw.asText() : null;
            case BOOLEAN -> raw.isBoolean() ? raw.asBoolean() : null;
        };
    }

    private void observe(FieldSpec spec, Object value) {
        switch (spec.type()) {
            case NUMERIC, TIMESTAMP -> observed.addNumeric(spec, ((Number) value).doubleValue());
            case CATEGORICAL -> observed.addCategory(spec, spec.categoryId((String) value));
            case BOOLEAN -> observed.addCategory(spec, spec.categoryId(value.toString()));
        }
    }

    private Object impute(FieldSpec spec) {
        String constant = spec.missing().constant();
        return switch (spec.missing().action()) {
            case CONSTANT ->
                    switch (spec.type()) {
                        case NUMERIC -> FieldValues.parseDouble(constant);
                        case TIMESTAMP -> FieldValues.parseTimestamp(constant);
                        case BOOLEAN -> Boolean.valueOf(constant);
                        case CATEGORICAL -> constant;
                    };
            case MEAN -> finite(used.numeric(spec).mean(), spec);
            case MEDIAN -> finite(used.numeric(spec).median(), spec);
            case MODE -> {
                String mode = used.mode(spec);
                yield mode == null || spec.type() != FieldType.BOOLEAN
                        ? mode
                        : Boolean.valueOf(mode);
            }
            case KEEP, DROP -> null;
        };
    }

    private static Object finite(double x, FieldSpec spec) {
        if (!Double.isFinite(x)) {
            return null;
        }
        return spec.type() == FieldType.TIMESTAMP ? (Object) Math.round(x) : (Object) x;
    }

    /** Why x is an outlier, or null if it is not (or there are too few statistics to say). */
    private String outlier(Outliers policy, NumericSummary stats, double x) {
        if (stats.count() < minCount) {
            return null;
        }
        if (policy.method() == OutlierMethod.ZSCORE) {
            if (!(stats.std() > 0)) {
                return null;
            }
            double z = Math.abs(x - stats.mean()) / stats.std();
            return z > policy.k() ? "is an outlier: |z| = " + z + " > " + policy.k() : null;
        }
        double iqr = stats.q3() - stats.q1();
        double low = stats.q1() - policy.k() * iqr;
        double high = stats.q3() + policy.k() * iqr;
        if (!Double.isFinite(iqr) || (x >= low && x <= high)) {
            return null;
        }
        return "is an outlier: outside the IQR fences [" + low + ", " + high + "]";
    }

    private static void scale(FieldSpec spec, NumericSummary stats, Double x, ObjectNode field) {
        switch (spec.scaling()) {
            case NONE -> {
                return;
            }
            case MINMAX -> {
                ObjectNode scaler = field.putObject("scaler");
                scaler.put("method", "minmax");
                putFinite(scaler, "min", stats.min());
                putFinite(scaler, "max", stats.max());
                double range = stats.max() - stats.min();
                putScaled(
                        field,
                        x,
                        stats.count(),
                        range > 0 ? (x == null ? 0 : (x - stats.min()) / range) : 0);
            }
            case ZSCORE -> {
                ObjectNode scaler = field.putObject("scaler");
                scaler.put("method", "zscore");
                putFinite(scaler, "mean", stats.mean());
                putFinite(scaler, "std", stats.std());
                putScaled(
                        field,
                        x,
                        stats.count(),
                        stats.std() > 0 ? (x == null ? 0 : (x - stats.mean()) / stats.std()) : 0);
            }
        }
    }

    private static void putScaled(ObjectNode field, Double x, long count, double scaled) {
        if (x == null || count == 0) {
            field.putNull("scaled");
        } else {
            field.put("scaled", scaled);
        }
    }

    private static void putFinite(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static void encode(FieldSpec spec, Object value, ObjectNode field) {
        if (spec.type() == FieldType.BOOLEAN) {
            if (value == null) {
                field.putNull("value");
                field.putNull("id");
            } else {
                field.put("value", (Boolean) value);
                field.put("id", (Boolean) value ? 1 : 0);
            }
            return;
        }
        String category = (String) value;
        int id = category == null ? 0 : spec.categoryId(category);
        if (category == null) {
            field.putNull("value");
        } else {
            field.put("value", category);
        }
        field.put("id", id);
        if (spec.encoding() == FieldSpec.Encoding.ONEHOT) {
            ArrayNode onehot = field.putArray("onehot");
            for (int i = 0; i <= spec.vocabulary().size(); i++) {
                onehot.add(i == id ? 1 : 0);
            }
        }
    }

    private static String typeName(FieldSpec spec) {
        return switch (spec.type()) {
            case NUMERIC -> "number";
            case TIMESTAMP -> "timestamp (epoch ms or ISO-8601)";
            case CATEGORICAL -> "category (string)";
            case BOOLEAN -> "boolean";
        };
    }
}

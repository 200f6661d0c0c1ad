package io.streamprep.operators.fields;

import io.streamprep.operators.fields.FieldSpec.Encoding;
import io.streamprep.operators.fields.FieldSpec.Missing;
import io.streamprep.operators.fields.FieldSpec.MissingAction;
import io.streamprep.operators.fields.FieldSpec.OutlierMethod;
import io.streamprep.operators.fields.FieldSpec.Outliers;
import io.streamprep.operators.fields.FieldSpec.Scaling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses field declarations of the form {@code name: type, option, option=value, ...}.
 *
 * <p>Options: {@code required} (same as {@code missing=drop}), {@code missing=drop|keep|mean|
 * median|mode|constant:V}, {@code outliers=zscore:K[:flag|drop]} or {@code iqr:K[:flag|drop]},
 * {@code scale=none|minmax|zscore}, {@code vocab=a|b|c}, {@code encode=ordinal|onehot}. Every error
 * is an {@link IllegalArgumentException} whose message names the field and the option.
 */
public final class FieldSpecs {

    private static final String KEY = "fields.declared";

    private FieldSpecs() {}

    /** Parses every declaration; field names must be unique. */
    public static List<FieldSpec> parse(List<String> declarations) {
        List<FieldSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String declaration : declarations) {
            FieldSpec spec = parse(declaration);
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException(
                        KEY + ": field '" + spec.name() + "' is declared twice");
            }
            specs.add(spec);
        }
        return List.copyOf(specs);
    }

    /** Parses one declaration. */
    public static FieldSpec parse(String declaration) {
        int colon = declaration.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    KEY
                            + ": '"
                            + declaration
                            + "' must look like 'name: type, option, ...' "
                            + "(type numeric, categorical, boolean or timestamp)");
        }
        String name = declaration.substring(0, colon).trim();
        if (name.isEmpty() || name.startsWith("_")) {
            throw new IllegalArgumentException(
                    KEY + ": '" + declaration + "' needs a field name not starting with '_'");
        }
        List<String> parts =
                Arrays.stream(declaration.substring(colon + 1).split(","))
                        .map(String::trim)
                        .toList();
        FieldType type = type(name, parts.get(0));
        Missing missing = new Missing(MissingAction.KEEP, null);
        Outliers outliers = null;
        Scaling scaling = Scaling.NONE;
        List<String> vocabulary = type == FieldType.BOOLEAN ? List.of("false", "true") : List.of();
        Encoding encoding = Encoding.ORDINAL;
        for (String part : parts.subList(1, parts.size())) {
            int eq = part.indexOf('=');
            String option = (eq < 0 ? part : part.substring(0, eq)).trim();
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            switch (option) {
                case "required" -> missing = new Missing(MissingAction.DROP, null);
                case "missing" -> missing = missing(name, type, value);
                case "outliers" -> outliers = outliers(name, type, value);
                case "scale" -> scaling = enumValue(name, option, value, Scaling.class);
                case "vocab" -> vocabulary = vocabulary(name, type, value);
                case "encode" -> encoding = enumValue(name, option, value, Encoding.class);
                default ->
                        throw error(
                                name,
                                "unknown option '"
                                        + option
                                        + "' (expected required, missing, outliers, scale, vocab, encode)");
            }
        }
        if (scaling != Scaling.NONE && !type.isNumeric()) {
            throw error(name, "scale applies to numeric and timestamp fields only");
        }
        if (type == FieldType.CATEGORICAL && vocabulary.isEmpty()) {
            throw error(name, "a categorical field needs vocab=a|b|c");
        }
        if (missing.action() == MissingAction.CONSTANT) {
            checkConstant(name, type, missing.constant());
        }
        return new FieldSpec(name, type, missing, outliers, scaling, vocabulary, encoding);
    }

    private static FieldType type(String name, String text) {
        return enumValue(name, "type", text, FieldType.class);
    }

    private static Missing missing(String name, FieldType type, String value) {
        if (value.startsWith("constant:")) {
            return new Missing(MissingAction.CONSTANT, value.substring("constant:".length()));
        }
        MissingAction action = enumValue(name, "missing", value, MissingAction.class);
        if (action == MissingAction.CONSTANT) {
            throw error(name, "missing=constant needs a value, as in missing=constant:0");
        }
        boolean numeric = type.isNumeric();
        if ((action == MissingAction.MEAN || action == MissingAction.MEDIAN) && !numeric) {
            throw error(name, "missing=" + value + " applies to numeric fields; use mode");
        }
        if (action == MissingAction.MODE && numeric) {
            throw error(name, "missing=mode applies to categorical and boolean fields");
        }
        return new Missing(action, null);
    }

    private static Outliers outliers(String name, FieldType type, String value) {
        if (!type.isNumeric()) {
            throw error(name, "outliers apply to numeric and timestamp fields only");
        }
        String[] p = value.split(":");
        if (p.length < 2 || p.length > 3) {
            throw error(name, "outliers must look like zscore:3, iqr:1.5 or iqr:1.5:drop");
        }
        OutlierMethod method = enumValue(name, "outliers", p[0], OutlierMethod.class);
        double k;
        try {
            k = Double.parseDouble(p[1]);
        } catch (NumberFormatException e) {
            throw error(name, "outliers threshold '" + p[1] + "' is not a number");
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw error(name, "outliers threshold must be a positive number");
        }
        String action = p.length == 3 ? p[2] : "flag";
        if (!action.equals("flag") && !action.equals("drop")) {
            throw error(name, "outliers action must be flag or drop, not '" + action + "'");
        }
        return new Outliers(method, k, action.equals("drop"));
    }

    private static List<String> vocabulary(String name, FieldType type, String value) {
        if (type != FieldType.CATEGORICAL) {
            throw error(name, "vocab applies to categorical fields only");
        }
        List<String> items = Arrays.stream(value.split("\\|")).map(String::trim).toList();
        if (items.stream().anyMatch(String::isEmpty)
                || new HashSet<>(items).size() != items.size()) {
            throw error(name, "vocab must list distinct non-empty categories, as in vocab=a|b|c");
        }
        return items;
    }

    private static void checkConstant(String name, FieldType type, String constant) {
        boolean ok =
                switch (type) {
                    case NUMERIC -> FieldValues.parseDouble(constant) != null;
                    case TIMESTAMP -> FieldValues.parseTimestamp(constant) != null;
                    case BOOLEAN -> constant.equals("true") || constant.equals("false");
                    case CATEGORICAL -> !constant.isEmpty();
                };
        if (!ok) {
            throw error(name, "missing=constant:" + constant + " is not a valid " + type);
        }
    }

    private static <E extends Enum<E>> E enumValue(
            String name, String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ")
                        .append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw error(name, option + " '" + value + "' is not one of " + allowed);
        }
    }

    private static IllegalArgumentException error(String name, String message) {
        return new IllegalArgumentException(KEY + ": field '" + name + "': " + message);
    }
}

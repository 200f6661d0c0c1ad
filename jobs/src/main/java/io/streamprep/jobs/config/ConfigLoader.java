package io.streamprep.jobs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.streamprep.schemas.config.AllOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Loads the configuration: a YAML file, then {@code --set key=value} overrides, in that order.
 *
 * <p>YAML may nest ({@code dedup: {exact: {window: 1h}}}) or use dotted keys ({@code
 * dedup.exact.window: 1h}). Keys under {@code flink:} are passed to Flink unchanged; keys under
 * {@code source.kafka.properties.} and {@code sink.kafka.properties.} to the Kafka clients, checked
 * by {@link KafkaClientProperties}. Every other key must be a streamprep option and its value must
 * parse as the option's type; otherwise loading fails with a {@link ConfigException} naming the key
 * and where it was set, before any job starts.
 */
public final class ConfigLoader {

    static final String FLINK_PREFIX = "flink.";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> flinkValues = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    /** Adds the keys of a YAML file; later sources override earlier ones. */
    public ConfigLoader file(Path file) {
        String origin = "config file " + file;
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file not found: " + file);
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    "Config file "
                            + file
                            + " is not valid YAML: "
                            + e.getOriginalMessage()
                            + locationOf(e));
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return this;
        }
        if (!root.isObject()) {
            throw new ConfigException(
                    "Config file " + file + " must be a YAML mapping of keys to values");
        }
        flatten("", root, origin);
        return this;
    }

    /** Adds one {@code key=value} override. */
    public ConfigLoader set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set expects key=value, got '" + assignment + "'");
        }
        put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1), "--set");
        return this;
    }

    /** Adds one override from code (CLI flags such as --input), with the origin to report. */
    public ConfigLoader set(String key, String value, String origin) {
        put(key, value, origin);
        return this;
    }

    /** Validates every key and value and returns the configuration. */
    public PipelineConfig load() {
        Map<String, ConfigOption<?>> known = AllOptions.byKey();
        Configuration options = Configuration.fromMap(values);
        for (String key : values.keySet()) {
            if (KafkaClientProperties.isClientKey(key)) {
                String problem = KafkaClientProperties.problem(key, values.get(key));
                if (problem != null) {
                    throw new ConfigException(problem + " in " + origins.get(key));
                }
                continue;
            }
            ConfigOption<?> option = known.get(key);
            if (option == null) {
                throw new ConfigException(unknownKeyMessage(key));
            }
            try {
                options.get(option);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "Invalid value '"
                                + values.get(key)
                                + "' for '"
                                + key
                                + "' in "
                                + origins.get(key)
                                + ": "
                                + describe(option));
            }
        }
        return new PipelineConfig(options, Configuration.fromMap(flinkValues), origins);
    }

    private void flatten(String prefix, JsonNode node, String origin) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, origin);
            } else if (value.isArray()) {
                put(key, toFlinkList(key, value, origin), origin);
            } else if (value.isNull()) {
                throw new ConfigException(
                        "Key '"
                                + key
                                + "' in "
                                + origin
                                + " has no value; remove it to use the "
                                + "default");
            } else {
                put(key, value.asText(), origin);
            }
        }
    }

    private void put(String key, String value, String origin) {
        if (key.startsWith(FLINK_PREFIX)) {
            flinkValues.put(key.substring(FLINK_PREFIX.length()), value);
        } else {
            values.put(key, value);
        }
        origins.put(key, origin);
    }

    private static String toFlinkList(String key, JsonNode array, String origin) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isValueNode() || item.isNull()) {
                throw new ConfigException(
                        "Key '" + key + "' in " + origin + " must be a list of plain values");
            }
            items.add("'" + item.asText().replace("'", "''") + "'");
        }
        return "[" + String.join(", ", items) + "]";
    }

    private String unknownKeyMessage(String key) {
        String closest =
                AllOptions.byKey().keySet().stream()
                        .min(Comparator.comparingInt(k -> editDistance(k, key)))
                        .filter(k -> editDistance(k, key) <= Math.max(3, key.length() / 3))
                        .orElse(null);
        return "Unknown configuration key '"
                + key
                + "' in "
                + origins.get(key)
                + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                + ". Flink options go under 'flink.'; 'bin/streamprep options' lists all keys.";
    }

    private static String describe(ConfigOption<?> option) {
        Object def = option.hasDefaultValue() ? option.defaultValue() : null;
        String type = def == null ? "a value" : "a " + typeName(def);
        return "expected " + type + (def == null ? "" : " (default: " + def + ")");
    }

    private static String typeName(Object value) {
        if (value instanceof Enum<?> e) {
            StringBuilder names = new StringBuilder("one of ");
            Object[] constants = e.getDeclaringClass().getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                names.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return names.toString();
        }
        if (value instanceof java.time.Duration) {
            return "duration such as 30 s, 5 min, 24 h";
        }
        if (value instanceof org.apache.flink.configuration.MemorySize) {
            return "size such as 512 kb, 1 mb";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()
                        + ")";
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

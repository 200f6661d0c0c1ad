package io.streamprep.operators.fields;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running statistics of every declared field, in declaration order: {@link NumericStats} for
 * numeric and timestamp fields, {@link CategoryCounts} for categorical and boolean ones. Mergeable
 * (partial statistics of parallel subtasks), serializable to bytes (operator state) and to the
 * {@code field-stats.json} document that {@link FrozenStats} loads.
 */
public final class FieldStatistics implements StatsView {

    private final List<FieldSpec> specs;
    private final Map<String, NumericStats> numeric = new LinkedHashMap<>();
    private final Map<String, CategoryCounts> categories = new LinkedHashMap<>();

    public FieldStatistics(List<FieldSpec> specs) {
        this.specs = List.copyOf(specs);
        for (FieldSpec spec : specs) {
            if (spec.type().isNumeric()) {
                numeric.put(spec.name(), new NumericStats());
            } else {
                categories.put(spec.name(), new CategoryCounts(spec.vocabulary().size()));
            }
        }
    }

    /** Counts one observed numeric value. */
    public void addNumeric(FieldSpec spec, double value) {
        numeric.get(spec.name()).add(value);
    }

    /** Counts one observed category id (0 = unknown). */
    public void addCategory(FieldSpec spec, int id) {
        categories.get(spec.name()).add(id);
    }

    public NumericStats numericStats(String name) {
        return numeric.get(name);
    }

    public CategoryCounts categoryCounts(String name) {
        return categories.get(name);
    }

    @Override
    public NumericSummary numeric(FieldSpec spec) {
        return numeric.get(spec.name()).summary(spec.needsQuantiles());
    }

    @Override
    public String mode(FieldSpec spec) {
        return categories.get(spec.name()).mode(spec.vocabulary());
    }

    /** Adds another partial of the same declarations. */
    public void merge(FieldStatistics other) {
        other.numeric.forEach((name, s) -> numeric.get(name).merge(s));
        other.categories.forEach((name, c) -> categories.get(name).merge(c));
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(numeric.size() + categories.size());
            for (Map.Entry<String, NumericStats> e : numeric.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeBoolean(true);
                e.getValue().write(out);
            }
            for (Map.Entry<String, CategoryCounts> e : categories.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeBoolean(false);
                e.getValue().write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Statistics for {@code specs} from {@link #toBytes()}. Fields no longer declared are ignored,
     * newly declared ones start empty, and a field whose type or vocabulary size changed starts
     * empty too.
     */
    public static FieldStatistics fromBytes(List<FieldSpec> specs, byte[] data) {
        FieldStatistics stats = new FieldStatistics(specs);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                if (in.readBoolean()) {
                    NumericStats s = NumericStats.read(in);
                    if (stats.numeric.containsKey(name)) {
                        stats.numeric.put(name, s);
                    }
                } else {
                    CategoryCounts c = CategoryCounts.read(in);
                    CategoryCounts current = stats.categories.get(name);
                    if (current != null && current.size() == c.size()) {
                        stats.categories.put(name, c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stats;
    }

    /** The {@code field-stats.json} document (see the README, "Structured fields"). */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("version", FrozenStats.VERSION);
        ObjectNode fields = root.putObject("fields");
        for (FieldSpec spec : specs) {
            ObjectNode field = fields.putObject(spec.name());
            field.put("type", spec.type().name().toLowerCase(java.util.Locale.ROOT));
            if (spec.type().isNumeric()) {
                NumericStats s = numeric.get(spec.name());
                NumericSummary sum = s.freshSummary();
                field.put("count", sum.count());
                putNumber(field, "mean", sum.mean());
                putNumber(field, "std", sum.std());
                putNumber(field, "min", sum.min());
                putNumber(field, "max", sum.max());
                putNumber(field, "q1", sum.q1());
                putNumber(field, "median", sum.median());
                putNumber(field, "q3", sum.q3());
            } else {
                CategoryCounts c = categories.get(spec.name());
                field.put("count", c.total());
                String mode = c.mode(spec.vocabulary());
                if (mode == null) {
                    field.putNull("mode");
                } else {
                    field.put("mode", mode);
                }
                ObjectNode counts = field.putObject("counts");
                counts.put(FrozenStats.UNKNOWN, c.count(0));
                for (int i = 0; i < spec.vocabulary().size(); i++) {
                    counts.put(spec.vocabulary().get(i), c.count(i + 1));
                }
            }
        }
        return root;
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}

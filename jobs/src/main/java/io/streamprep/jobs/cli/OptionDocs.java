package io.streamprep.jobs.cli;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.description.HtmlFormatter;

/** Renders options as users write them in YAML. */
final class OptionDocs {

    private OptionDocs() {}

    static String format(Object value) {
        if (value instanceof Duration d) {
            return org.apache.flink.util.TimeUtils.formatWithHighestUnit(d);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "[]" : list.toString();
        }
        return String.valueOf(value);
    }

    static String description(ConfigOption<?> option) {
        return new HtmlFormatter().format(option.description());
    }

    static String type(ConfigOption<?> option) {
        Class<?> clazz = optionClass(option);
        if (isList(option)) {
            return "list of " + simple(clazz);
        }
        if (clazz.isEnum()) {
            StringBuilder b = new StringBuilder("enum (");
            Object[] constants = clazz.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                b.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return b.append(')').toString();
        }
        return simple(clazz);
    }

    private static String simple(Class<?> clazz) {
        if (clazz == Duration.class) {
            return "duration";
        }
        if (clazz == MemorySize.class) {
            return "memory size";
        }
        return clazz.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    // ConfigOption exposes its value class and list-ness only to Flink's own packages.
    private static Class<?> optionClass(ConfigOption<?> option) {
        return (Class<?>) invoke(option, "getClazz");
    }

    private static boolean isList(ConfigOption<?> option) {
        return (Boolean) invoke(option, "isList");
    }

    private static Object invoke(ConfigOption<?> option, String method) {
        try {
            Method m = ConfigOption.class.getDeclaredMethod(method);
            m.setAccessible(true);
            return m.invoke(option);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read ConfigOption." + method, e);
        }
    }
}

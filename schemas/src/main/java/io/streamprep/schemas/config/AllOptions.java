package io.streamprep.schemas.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.ConfigOption;

/** Every streamprep option, by key: the single list the config loader and the docs check use. */
public final class AllOptions {

    private static final List<Class<?>> HOLDERS =
            List.of(
                    PipelineOptions.class,
                    SourceOptions.class,
                    ValidationOptions.class,
                    NormalizeOptions.class,
                    FieldOptions.class,
                    DedupOptions.class,
                    BalanceOptions.class,
                    NearDedupOptions.class,
                    WeakLabelOptions.class,
                    AnnotationOptions.class,
                    TokenizerOptions.class,
                    SplitOptions.class,
                    SinkOptions.class,
                    AugmentOptions.class,
                    ImageOptions.class,
                    ImageAugmentOptions.class);

    private static final Map<String, ConfigOption<?>> BY_KEY = collect();

    private AllOptions() {}

    /** All options, sorted by key. */
    public static Map<String, ConfigOption<?>> byKey() {
        return BY_KEY;
    }

    private static Map<String, ConfigOption<?>> collect() {
        Map<String, ConfigOption<?>> byKey = new TreeMap<>();
        for (Class<?> holder : HOLDERS) {
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && ConfigOption.class.isAssignableFrom(field.getType())) {
                    try {
                        ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                        if (byKey.put(option.key(), option) != null) {
                            throw new IllegalStateException("Duplicate option " + option.key());
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return Collections.unmodifiableMap(byKey);
    }

    /** The option holder classes, for documentation. */
    public static List<Class<?>> holders() {
        return new ArrayList<>(HOLDERS);
    }
}

package io.streamprep.operators.weaklabel;

import io.streamprep.schemas.config.WeakLabelOptions;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;

/** The configured labelling functions, in a fixed order: keywords, patterns, then the lookup. */
public final class LabelingFunctions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<LabelingFunction> functions;

    public LabelingFunctions(List<LabelingFunction> functions) {
        this.functions = List.copyOf(functions);
    }

    /**
     * Builds the functions from {@code weak-labels.*}.
     *
     * @throws IllegalArgumentException naming the option if an entry is malformed or a regex
     *     invalid
     * @throws UncheckedIOException if the lookup file cannot be read
     */
    public static LabelingFunctions fromConfig(ReadableConfig options) {
        List<LabelingFunction> functions = new ArrayList<>();
        List<String> keywords = options.get(WeakLabelOptions.KEYWORDS);
        for (int i = 0; i < keywords.size(); i++) {
            String[] entry = split(WeakLabelOptions.KEYWORDS.key(), keywords.get(i));
            functions.add(
                    new KeywordFunction(
                            "keywords-" + i + ":" + entry[0],
                            entry[0],
                            Arrays.asList(entry[1].split("\\|"))));
        }
        List<String> patterns = options.get(WeakLabelOptions.PATTERNS);
        for (int i = 0; i < patterns.size(); i++) {
            String[] entry = split(WeakLabelOptions.PATTERNS.key(), patterns.get(i));
            try {
                functions.add(new RegexFunction("regex-" + i + ":" + entry[0], entry[0], entry[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        WeakLabelOptions.PATTERNS.key() + " entry " + i + ": " + e.getMessage(), e);
            }
        }
        String lookup = options.get(WeakLabelOptions.LOOKUP_PATH);
        if (lookup != null) {
            try {
                List<String> lines = Files.readAllLines(Path.of(lookup), StandardCharsets.UTF_8);
                functions.add(new LookupFunction("lookup", LookupFunction.parse(lines)));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot read " + WeakLabelOptions.LOOKUP_PATH.key() + " " + lookup, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        WeakLabelOptions.LOOKUP_PATH.key() + " " + lookup + ": " + e.getMessage(),
                        e);
            }
        }
        return new LabelingFunctions(functions);
    }

    private static String[] split(String key, String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new IllegalArgumentException(
                    key + ": entry '" + entry + "' is not '<label>=<value>'");
        }
        return new String[] {entry.substring(0, eq).strip(), entry.substring(eq + 1)};
    }

    public int size() {
        return functions.size();
    }

    /** The functions' names, in vote order. */
    public String[] names() {
        return functions.stream().map(LabelingFunction::name).toArray(String[]::new);
    }

    /** Every function's vote for the text ({@code null} for abstain), in {@link #names()} order. */
    public String[] votes(String text) {
        String[] votes = new String[functions.size()];
        for (int i = 0; i < votes.length; i++) {
            votes[i] = functions.get(i).vote(text);
        }
        return votes;
    }
}

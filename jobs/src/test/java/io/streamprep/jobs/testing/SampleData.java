package io.streamprep.jobs.testing;

import io.streamprep.jobs.corpus.ExpectedOutcome;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped sample ({@code data/sample/wordnet-glosses.jsonl}) as raw lines, and its expected
 * outcomes by line, for end-to-end tests.
 */
public final class SampleData {

    /** The labels of the sample's reference configuration. */
    public static final String LABELS =
            "adj.all;noun.animal;noun.artifact;noun.food;noun.plant;verb.motion";

    private SampleData() {}

    public static Path file() {
        return repoRoot().resolve("data/sample/wordnet-glosses.jsonl");
    }

    /** Every line's raw bytes, in file order (invalid UTF-8 kept as it is). */
    public static List<byte[]> lines() {
        try {
            byte[] all = Files.readAllBytes(file());
            List<byte[]> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    lines.add(Arrays.copyOfRange(all, start, i));
                    start = i + 1;
                }
            }
            if (start < all.length) {
                lines.add(Arrays.copyOfRange(all, start, all.length));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected outcome of every listed line, by 1-based line number. */
    public static Map<Integer, ExpectedOutcome> expectations() {
        try {
            Map<Integer, ExpectedOutcome> byLine = new HashMap<>();
            for (String json :
                    Files.readAllLines(
                            repoRoot().resolve("data/sample/wordnet-glosses.expected.jsonl"))) {
                if (!json.isBlank()) {
                    ExpectedOutcome outcome = Json.fromString(json, ExpectedOutcome.class);
                    byLine.put(outcome.line(), outcome);
                }
            }
            return byLine;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root, found from the working directory of a module's tests. */
    public static Path repoRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("data/sample/wordnet-glosses.jsonl"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "Cannot find the repository root from " + Paths.get("").toAbsolutePath());
        }
        return dir;
    }
}

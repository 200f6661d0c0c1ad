package io.streamprep.operators.augment.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Real English text for the EDA tests: the texts of the shipped sample (WordNet definitions). */
final class Glosses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Glosses() {}

    /** The first {@code limit} non-blank texts of {@code data/sample/wordnet-glosses.jsonl}. */
    static List<String> texts(int limit) throws IOException {
        List<String> texts = new ArrayList<>();
        // The sample has deliberately invalid UTF-8 lines: decode leniently.
        String all = new String(Files.readAllBytes(sample()), StandardCharsets.UTF_8);
        for (String line : all.split("\n")) {
            if (texts.size() >= limit) {
                break;
            }
            try {
                JsonNode text = MAPPER.readTree(line).path("text");
                if (text.isTextual() && !text.asText().isBlank() && !text.asText().contains("<")) {
                    texts.add(text.asText().strip());
                }
            } catch (IOException e) {
                // The sample has deliberately broken lines; they are not text.
            }
        }
        return texts;
    }

    private static Path sample() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("data/sample/wordnet-glosses.jsonl"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find data/sample from the working directory");
        }
        return dir.resolve("data/sample/wordnet-glosses.jsonl");
    }
}

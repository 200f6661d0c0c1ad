package io.streamprep.operators.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprep.schemas.config.TokenizerOptions;
import io.streamprep.schemas.config.TokenizerOptions.Padding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real tokenizer.json files for tests, and settings shorthands. */
final class TestTokenizers {

    /** BGE small en v1.5: a second real BERT tokenizer.json, without truncation/padding presets. */
    static final String BGE_RESOURCE =
            "tokenizers/bge-small-en-v1.5/bge-small-en-v1.5-q-tokenizer.json";

    static final int CLS = 101;
    static final int SEP = 102;
    static final int MASK = 103;

    /** A text of a few hundred BERT tokens with little repetition. */
    static final String LONG_TEXT =
            String.join(
                    " ",
                    "Streams of labelled text arrive from many sources, each record carrying an"
                            + " identifier, a timestamp and sometimes a label.",
                    "Before a model can learn from them they are parsed, validated, normalized to"
                            + " NFKC, stripped of markup and personal data, and deduplicated.",
                    "Tokenization then maps every word piece to an integer id from a vocabulary of"
                            + " thirty thousand five hundred and twenty two entries.",
                    "Long documents do not fit into one model input, so they are cut into windows"
                            + " that overlap by a configurable stride, which keeps context at the"
                            + " edges.",
                    "Each window starts with a classification token and ends with a separator,"
                            + " exactly as the pretrained encoder expects during fine-tuning.",
                    "Deterministic splitting by a stable hash of the identifier ensures that every"
                            + " window of a document lands in the same split, avoiding leakage.",
                    "Quarterly revenue grew 12.5% while operating costs fell; analysts at"
                            + " Zurich-based firms called it unprecedented, if not entirely"
                            + " surprising.",
                    "Meanwhile, the ornithologist catalogued kingfishers, herons and a solitary"
                            + " bittern along the riverbank at dawn.");

    private TestTokenizers() {}

    static TokenizerSettings settings(String path, int maxLength, int stride) {
        return new TokenizerSettings(path, maxLength, true, true, stride, Padding.NONE, true, true);
    }

    static TokenizerSettings builtin(int maxLength, int stride) {
        return settings(TokenizerOptions.BUILTIN_BERT_UNCASED, maxLength, stride);
    }

    static Path bgePath() {
        return resourcePath(BGE_RESOURCE);
    }

    static Path builtinPath() {
        return resourcePath(TokenizerLoader.BERT_UNCASED_RESOURCE);
    }

    /**
     * A copy of the builtin BERT tokenizer.json whose single-sequence template is {@code specials
     * before}, the text, then {@code specials after}; with both empty it has no post-processor.
     */
    static Path withTemplate(Path dir, List<String> before, List<String> after) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(builtinPath().toFile());
        if (before.isEmpty() && after.isEmpty()) {
            json.putNull("post_processor");
        } else {
            ObjectNode processor = (ObjectNode) json.get("post_processor");
            ArrayNode single = processor.putArray("single");
            before.forEach(token -> single.add(special(mapper, token)));
            single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
            after.forEach(token -> single.add(special(mapper, token)));
            ObjectNode specials = processor.putObject("special_tokens");
            for (String token : List.of("[CLS]", "[SEP]", "[MASK]")) {
                int id = idOf(json, token);
                ObjectNode entry = specials.putObject(token);
                entry.put("id", token);
                entry.putArray("ids").add(id);
                entry.putArray("tokens").add(token);
            }
        }
        Path file = dir.resolve("tokenizer.json");
        mapper.writeValue(file.toFile(), json);
        return file;
    }

    private static JsonNode special(ObjectMapper mapper, String token) {
        ObjectNode node = mapper.createObjectNode();
        node.putObject("SpecialToken").put("id", token).put("type_id", 0);
        return node;
    }

    private static int idOf(JsonNode json, String token) {
        return json.get("model").get("vocab").get(token).asInt();
    }

    private static Path resourcePath(String resource) {
        URL url = TestTokenizers.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the test classpath");
        }
        try {
            Path path = Path.of(url.toURI());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(resource + " is not a file: " + path);
            }
            return path;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

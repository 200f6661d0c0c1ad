package io.streamprep.operators.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.util.Utils;
import io.streamprep.schemas.config.TokenizerOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Creates DJL {@link HuggingFaceTokenizer}s from {@code tokenizer.path}: a builtin name or a
 * HuggingFace {@code tokenizer.json} on the local file system (a directory holding one is accepted
 * too). Never downloads anything: DJL is forced into offline mode before it is first used.
 *
 * <p>Every configuration error is an {@link IllegalArgumentException} whose message names {@code
 * tokenizer.path} and the path: unknown builtin, missing or unreadable file, not UTF-8, or not a
 * tokenizer the HuggingFace library can load.
 */
public final class TokenizerLoader {

    /**
     * Classpath resource of {@value TokenizerOptions#BUILTIN_BERT_UNCASED}, unpacked by the build.
     */
    static final String BERT_UNCASED_RESOURCE =
            "streamprep/tokenizers/bert-base-uncased/all-minilm-l6-v2-q-tokenizer.json";

    private static final Map<String, String> BUILTINS =
            Map.of(TokenizerOptions.BUILTIN_BERT_UNCASED, BERT_UNCASED_RESOURCE);

    private static final String BUILTIN_PREFIX = "builtin:";
    private static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private TokenizerLoader() {}

    /**
     * A tokenizer configured from the settings; the caller closes it.
     *
     * @throws IllegalArgumentException naming {@code tokenizer.path} if it cannot be loaded
     */
    public static HuggingFaceTokenizer load(TokenizerSettings settings) {
        String json = readJson(settings.path());
        ensureOffline();
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return HuggingFaceTokenizer.newInstance(in, djlOptions(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // The native library reports a malformed tokenizer.json as a bare RuntimeException.
            throw invalid(
                    settings.path(),
                    "could not be loaded as a HuggingFace tokenizer.json: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The text of the tokenizer.json that {@code path} names.
     *
     * @throws IllegalArgumentException naming {@code tokenizer.path} if it cannot be read
     */
    static String readJson(String path) {
        if (path.startsWith(BUILTIN_PREFIX)) {
            return readBuiltin(path);
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw invalid(path, "is not a valid file system path", e);
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("tokenizer.json");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw invalid(path, "does not exist (looked for " + file.toAbsolutePath() + ")", e);
        } catch (CharacterCodingException e) {
            throw invalid(path, "is not a HuggingFace tokenizer.json: not UTF-8 text", e);
        } catch (IOException e) {
            throw invalid(path, "cannot be read: " + e, e);
        }
    }

    private static String readBuiltin(String name) {
        String resource = BUILTINS.get(name);
        if (resource == null) {
            throw invalid(name, "is not a builtin tokenizer; builtins: " + BUILTINS.keySet(), null);
        }
        try (InputStream in =
                TokenizerLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Classpath resource "
                                + resource
                                + " of "
                                + name
                                + " is missing: the operators jar was built without it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> djlOptions(TokenizerSettings settings) {
        return Map.of(
                "addSpecialTokens", Boolean.toString(settings.addSpecialTokens()),
                "withOverflowingTokens", Boolean.toString(settings.windowsOverlap()),
                "truncation", Boolean.toString(settings.truncation()),
                "padding",
                        settings.padding() == TokenizerOptions.Padding.MAX_LENGTH
                                ? "MAX_LENGTH"
                                : "false",
                "maxLength", Integer.toString(settings.maxLength()),
                // DJL silently caps maxLength at modelMaxLength (512 unless given).
                "modelMaxLength", Integer.toString(settings.maxLength()),
                "stride", Integer.toString(settings.effectiveStride()));
    }

    /**
     * Without offline mode DJL reports usage to a cloud metadata address whenever a tokenizer is
     * created; streamprep must never make network calls of its own.
     */
    private static void ensureOffline() {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        if (!Utils.isOfflineMode()) {
            throw new IllegalStateException(
                    "DJL must run offline, but DJL_OFFLINE or -D"
                            + OFFLINE_PROPERTY
                            + " is set to false");
        }
    }

    private static IllegalArgumentException invalid(String path, String problem, Throwable cause) {
        return new IllegalArgumentException(
                TokenizerOptions.PATH.key() + " '" + path + "' " + problem, cause);
    }
}

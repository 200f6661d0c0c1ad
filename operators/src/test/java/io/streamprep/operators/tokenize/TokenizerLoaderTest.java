package io.streamprep.operators.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerLoaderTest {

    @TempDir Path dir;

    @Test
    void loadsTheBuiltinBertTokenizer() {
        try (HuggingFaceTokenizer tokenizer =
                TokenizerLoader.load(TestTokenizers.builtin(128, 32))) {
            assertThat(tokenizer.encode("hello world").getIds())
                    .containsExactly(101, 7592, 2088, 102);
        }
    }

    @Test
    void loadsATokenizerJsonFromTheFileSystem() {
        String path = TestTokenizers.bgePath().toString();

        try (HuggingFaceTokenizer tokenizer =
                TokenizerLoader.load(TestTokenizers.settings(path, 128, 32))) {
            assertThat(tokenizer.encode("hello world").getIds())
                    .containsExactly(101, 7592, 2088, 102);
        }
    }

    @Test
    void loadsTheTokenizerJsonInsideADirectory() throws IOException {
        Files.copy(TestTokenizers.bgePath(), dir.resolve("tokenizer.json"));

        try (HuggingFaceTokenizer tokenizer =
                TokenizerLoader.load(TestTokenizers.settings(dir.toString(), 128, 32))) {
            assertThat(tokenizer.encode("hello").getIds()).containsExactly(101, 7592, 102);
        }
    }

    @Test
    void configuresTheLoadedTokenizerFromTheSettings() {
        // The builtin tokenizer.json itself truncates at 128 and pads to 128.
        try (HuggingFaceTokenizer tokenizer = TokenizerLoader.load(TestTokenizers.builtin(16, 4))) {
            assertThat(tokenizer.getMaxLength()).isEqualTo(16);
            assertThat(tokenizer.getStride()).isEqualTo(4);
            assertThat(tokenizer.getPadding()).isEqualTo("DO_NOT_PAD");
            assertThat(tokenizer.encode(TestTokenizers.LONG_TEXT).getIds()).hasSize(16);
        }
    }

    @Test
    void unknownBuiltinNamesTheOptionAndTheKnownBuiltins() {
        assertThatThrownBy(
                        () -> TokenizerLoader.load(TestTokenizers.settings("builtin:gpt-5", 8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.path")
                .hasMessageContaining("'builtin:gpt-5'")
                .hasMessageContaining("builtin:bert-base-uncased");
    }

    @Test
    void missingFileNamesTheOptionAndThePath() {
        Path missing = dir.resolve("no-such-tokenizer.json");

        assertThatThrownBy(
                        () ->
                                TokenizerLoader.load(
                                        TestTokenizers.settings(missing.toString(), 8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.path")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void directoryWithoutTokenizerJsonNamesTheFileLookedFor() {
        assertThatThrownBy(
                        () -> TokenizerLoader.load(TestTokenizers.settings(dir.toString(), 8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.path")
                .hasMessageContaining(dir.resolve("tokenizer.json").toString());
    }

    @Test
    void jsonThatIsNotATokenizerIsRejectedWithTheLibrarysReason() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"hidden_size\": 384}");

        assertThatThrownBy(
                        () -> TokenizerLoader.load(TestTokenizers.settings(file.toString(), 8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.path")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("could not be loaded as a HuggingFace tokenizer.json");
    }

    @Test
    void binaryFileIsRejectedAsNotText() throws IOException {
        Path file =
                Files.write(dir.resolve("model.onnx"), new byte[] {(byte) 0x08, (byte) 0xff, 0});

        assertThatThrownBy(
                        () -> TokenizerLoader.load(TestTokenizers.settings(file.toString(), 8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.path")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void truncatedTokenizerJsonIsRejected() throws IOException {
        String json = Files.readString(TestTokenizers.bgePath(), StandardCharsets.UTF_8);
        Path file = Files.writeString(dir.resolve("tokenizer.json"), json.substring(0, 5000));

        assertThatThrownBy(
                        () -> TokenizerLoader.load(TestTokenizers.settings(file.toString(), 8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void unreadablePathIsRejected() throws IOException {
        Path notAFile = Files.createDirectories(dir.resolve("tokenizer.json"));
        Path parent = notAFile.getParent();

        // A directory named tokenizer.json inside the given directory cannot be read as a file.
        assertThatThrownBy(
                        () ->
                                TokenizerLoader.load(
                                        TestTokenizers.settings(parent.toString(), 8, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenizer.path")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void loadingForcesDjlOffline() {
        String before = System.clearProperty("ai.djl.offline");
        try {
            TokenizerLoader.load(TestTokenizers.builtin(8, 0)).close();

            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        } finally {
            if (before != null) {
                System.setProperty("ai.djl.offline", before);
            }
        }
    }
}

package io.streamprep.benchmarks;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.streamprep.operators.tokenize.TextTokenizer;
import io.streamprep.operators.tokenize.TokenWindow;
import io.streamprep.operators.tokenize.TokenizerLoader;
import io.streamprep.operators.tokenize.TokenizerSettings;
import io.streamprep.schemas.config.TokenizerOptions;
import io.streamprep.schemas.config.TokenizerOptions.Padding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.extjwnl.JWNLException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Single-thread tokenization throughput of the builtin BERT tokenizer on WordNet-gloss documents
 * (1-20 glosses, about 700 bytes on average), by window length. One operation tokenizes one
 * document into all its windows (overflow on, stride = max-length / 4, no padding).
 *
 * <p>{@code textTokenizer} is the pipeline's {@link TextTokenizer}; {@code djlEncoding} is DJL's
 * own {@link HuggingFaceTokenizer#encode(String)} with the same native settings, which builds full
 * {@link Encoding} objects. The {@code bytes}, {@code windows} and {@code tokens} counters are
 * per-second rates: bytes/s / 10^6 is MB/s; the operation rate is records/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx1g"})
public class TokenizerBenchmark {

    private static final int DOCUMENTS = 2_000;
    private static final int MAX_GLOSSES = 20;
    private static final long SEED = 20_240_601L;

    @Param({"64", "128", "512"})
    public int maxLength;

    private List<String> documents;
    private int[] documentBytes;
    private int next;
    private TextTokenizer tokenizer;
    private HuggingFaceTokenizer djl;

    /** Per-second rates reported next to the operation (= record) rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Rates {
        public long bytes;
        public long windows;
        public long tokens;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            windows = 0;
            tokens = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws JWNLException {
        documents = GlossCorpus.load(DOCUMENTS, MAX_GLOSSES, SEED);
        documentBytes = new int[documents.size()];
        for (int i = 0; i < documents.size(); i++) {
            documentBytes[i] = documents.get(i).getBytes(StandardCharsets.UTF_8).length;
        }
        TokenizerSettings settings =
                new TokenizerSettings(
                        TokenizerOptions.BUILTIN_BERT_UNCASED,
                        maxLength,
                        true,
                        true,
                        maxLength / 4,
                        Padding.NONE,
                        true,
                        true);
        tokenizer = TextTokenizer.open(settings);
        djl = TokenizerLoader.load(settings);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tokenizer.close();
        djl.close();
    }

    @Benchmark
    public List<TokenWindow> textTokenizer(Rates rates) {
        int i = nextDocument();
        List<TokenWindow> windows = tokenizer.encode(documents.get(i));
        rates.bytes += documentBytes[i];
        rates.windows += windows.size();
        for (TokenWindow window : windows) {
            rates.tokens += window.inputIds().length;
        }
        return windows;
    }

    @Benchmark
    public Encoding djlEncoding(Rates rates) {
        int i = nextDocument();
        Encoding encoding = djl.encode(documents.get(i));
        rates.bytes += documentBytes[i];
        rates.windows += 1 + encoding.getOverflowing().length;
        rates.tokens += encoding.getIds().length;
        for (Encoding part : encoding.getOverflowing()) {
            rates.tokens += part.getIds().length;
        }
        return encoding;
    }

    private int nextDocument() {
        int i = next;
        next = (i + 1) % documents.size();
        return i;
    }
}

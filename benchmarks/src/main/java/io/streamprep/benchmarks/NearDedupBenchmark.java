package io.streamprep.benchmarks;

import io.streamprep.operators.dedup.near.MinHashModel;
import io.streamprep.operators.tokenize.TextTokenizer;
import io.streamprep.operators.tokenize.TokenWindow;
import io.streamprep.operators.tokenize.TokenizerSettings;
import io.streamprep.schemas.config.TokenizerOptions;
import io.streamprep.schemas.config.TokenizerOptions.Padding;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.extjwnl.JWNLException;
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
 * Per-record cost of near dedup's signature work (5-word shingles, MinHash, LSH band keys) next to
 * tokenization of the same records, single thread. The records are the documents of {@link
 * TokenizerBenchmark} (1-20 WordNet glosses, about 750 bytes); one operation handles one record, so
 * the operation rate is records/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        // As bin/streamprep runs pipelines: the MinHash kernel needs the Vector API module.
        jvmArgsAppend = {
            "-Dai.djl.offline=true",
            "-Xmx1g",
            "--add-modules=jdk.incubator.vector",
            "-XX:CompileCommand=quiet"
        })
public class NearDedupBenchmark {

    private static final int DOCUMENTS = 2_000;
    private static final int MAX_GLOSSES = 20;
    private static final long SEED = 20_240_601L;

    @Param({"128", "256"})
    public int numPerm;

    private List<String> documents;
    private int next;
    private MinHashModel model;
    private TextTokenizer tokenizer;

    @Setup(Level.Trial)
    public void setUp() throws JWNLException {
        documents = GlossCorpus.load(DOCUMENTS, MAX_GLOSSES, SEED);
        model = MinHashModel.withOptimalBanding(5, numPerm, 0.8, 42);
        tokenizer =
                TextTokenizer.open(
                        new TokenizerSettings(
                                TokenizerOptions.BUILTIN_BERT_UNCASED,
                                128,
                                true,
                                true,
                                32,
                                Padding.NONE,
                                true,
                                true));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tokenizer.close();
    }

    /** Shingling + MinHash signature + LSH band keys: what near dedup computes per record. */
    @Benchmark
    public long[] signatureAndBandKeys() {
        return model.bandKeys(model.signature(nextDocument()));
    }

    /** Tokenization of the same records (max-length 128, overflow on), for comparison. */
    @Benchmark
    public List<TokenWindow> tokenize() {
        return tokenizer.encode(nextDocument());
    }

    private String nextDocument() {
        String document = documents.get(next);
        next = (next + 1) % documents.size();
        return document;
    }
}

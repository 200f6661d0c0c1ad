package io.streamprep.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import io.streamprep.operators.split.SplitAssigner;
import io.streamprep.operators.tokenize.RecordTokenizer;
import io.streamprep.operators.tokenize.TextTokenizer;
import io.streamprep.operators.tokenize.TokenizerLoader;
import io.streamprep.operators.tokenize.TokenizerSettings;
import io.streamprep.operators.validate.LabelIndex;
import io.streamprep.schemas.config.TokenizerOptions;
import io.streamprep.schemas.config.TokenizerOptions.Padding;
import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.records.TrainingRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The tokenize operator's work against raw DJL, single thread, pipeline defaults (BERT uncased,
 * max-length 128, stride 32, overflow on, no padding), on the WordNet-gloss documents of {@link
 * TokenizerBenchmark}. Target (issue #8): {@code recordTokenizer} >= 0.9 x {@code rawIdsOnly}.
 *
 * <ul>
 *   <li>{@code rawIdsOnly}: the floor: DJL's JNI encode, then only the ids of every window (no
 *       {@code Encoding} objects, no masks, no records).
 *   <li>{@code recordTokenizer}: what {@code TokenizeFunction} does per event: {@link
 *       RecordTokenizer} (surrogate check, ids, masks, type ids, split, label id) building the
 *       {@link TrainingRecord}s.
 * </ul>
 *
 * The operation rate is records/s; {@code bytes} is input text bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx1g"})
public class TokenizeOperatorBenchmark {

    private static final int DOCUMENTS = 2_000;
    private static final int MAX_GLOSSES = 20;
    private static final long SEED = 20_240_601L;
    private static final int MAX_LENGTH = 128;
    private static final TokenizersLibrary NATIVE = TokenizersLibrary.LIB;

    private List<TextEvent> events;
    private int[] textBytes;
    private int next;
    private TextTokenizer tokenizer;
    private RecordTokenizer records;
    private HuggingFaceTokenizer djl;

    /** Input text bytes per second, next to the operation (= record) rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Rates {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws JWNLException {
        List<String> documents = GlossCorpus.load(DOCUMENTS, MAX_GLOSSES, SEED);
        events = new ArrayList<>(documents.size());
        textBytes = new int[documents.size()];
        for (int i = 0; i < documents.size(); i++) {
            String text = documents.get(i);
            TextRecord record = new TextRecord("doc-" + i, 0L, text, "noun.animal", null);
            events.add(new TextEvent(record, 0L, "bench:" + i, new byte[0], "fp-" + i));
            textBytes[i] = text.getBytes(StandardCharsets.UTF_8).length;
        }
        TokenizerSettings settings =
                new TokenizerSettings(
                        TokenizerOptions.BUILTIN_BERT_UNCASED,
                        MAX_LENGTH,
                        true,
                        true,
                        MAX_LENGTH / 4,
                        Padding.NONE,
                        true,
                        true);
        tokenizer = TextTokenizer.open(settings);
        records =
                new RecordTokenizer(
                        tokenizer,
                        new SplitAssigner(SEED, 0.8, 0.1, 0.1),
                        new LabelIndex(List.of("noun.animal", "verb.motion")),
                        true);
        djl = TokenizerLoader.load(settings);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tokenizer.close();
        djl.close();
    }

    @Benchmark
    public long rawIdsOnly(Rates rates) {
        int i = nextDocument();
        rates.bytes += textBytes[i];
        long encoding = NATIVE.encode(djl.getHandle(), events.get(i).text(), true);
        try {
            long sum = NATIVE.getTokenIds(encoding).length;
            if (NATIVE.getOverflowCount(encoding) > 0) {
                long[] overflowing = NATIVE.getOverflowing(encoding);
                for (long part : overflowing) {
                    sum += NATIVE.getTokenIds(part).length;
                    NATIVE.deleteEncoding(part);
                }
            }
            return sum;
        } finally {
            NATIVE.deleteEncoding(encoding);
        }
    }

    @Benchmark
    public List<TrainingRecord> recordTokenizer(Rates rates) {
        int i = nextDocument();
        rates.bytes += textBytes[i];
        return records.tokenize(events.get(i), 0);
    }

    private int nextDocument() {
        int i = next;
        next = (i + 1) % events.size();
        return i;
    }
}

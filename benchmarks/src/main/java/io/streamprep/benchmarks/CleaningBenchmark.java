package io.streamprep.benchmarks;

import io.streamprep.operators.normalize.NormalizationResult;
import io.streamprep.operators.normalize.NormalizerSettings;
import io.streamprep.operators.normalize.TextNormalizer;
import io.streamprep.operators.parse.ParseOutcome;
import io.streamprep.operators.parse.ParserSettings;
import io.streamprep.operators.parse.RecordParser;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * Single-thread throughput of the stages before tokenization, on WordNet-gloss documents (the same
 * corpus as {@link TokenizerBenchmark}): {@code parse} turns a JSONL line into a validated record;
 * {@code normalize} runs the default normalizer (HTML detection, NFKC, control characters, PII,
 * whitespace). With {@code variant=html-pii} every document is wrapped in HTML and carries an
 * e-mail address, a phone number, an IP address and a card number, the worst realistic case for the
 * PII detectors. The {@code bytes} counter is input bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class CleaningBenchmark {

    private static final int DOCUMENTS = 2_000;
    private static final int MAX_GLOSSES = 20;
    private static final long SEED = 20_240_601L;

    @Param({"plain", "html-pii"})
    public String variant;

    private List<String> texts;
    private List<RawRecord> lines;
    private int[] textBytes;
    private int next;
    private RecordParser parser;
    private TextNormalizer normalizer;

    /** Input bytes per second, next to the operation (= record) rate. */
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
        texts = new ArrayList<>();
        lines = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < documents.size(); i++) {
            String text =
                    variant.equals("plain")
                            ? documents.get(i)
                            : withHtmlAndPii(documents.get(i), random);
            texts.add(text);
            byte[] line =
                    Json.toBytes(
                            new TextRecord(
                                    "doc-" + i, 1_700_000_000_000L + i, text, "label", null));
            lines.add(RawRecord.of(line, "bench:" + i));
        }
        textBytes =
                texts.stream().mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length).toArray();
        parser = new RecordParser(new ParserSettings(1 << 20, List.of(), false));
        normalizer = new TextNormalizer(NormalizerSettings.defaults());
    }

    @Benchmark
    public ParseOutcome parse(Rates rates) {
        int i = nextDocument();
        rates.bytes += lines.get(i).value().length;
        return parser.parse(lines.get(i));
    }

    @Benchmark
    public NormalizationResult normalize(Rates rates) {
        int i = nextDocument();
        rates.bytes += textBytes[i];
        return normalizer.normalize(texts.get(i));
    }

    private static String withHtmlAndPii(String text, SplittableRandom random) {
        int n = random.nextInt(100, 999);
        return "<div><p>"
                + text
                + "</p><p>Contact jane.doe"
                + n
                + "@example.org or +1 212-555-0"
                + n
                + ", server 192.168.1."
                + (n % 255)
                + ", card 4111 1111 1111 1111.</p></div>";
    }

    private int nextDocument() {
        int i = next;
        next = (i + 1) % texts.size();
        return i;
    }
}

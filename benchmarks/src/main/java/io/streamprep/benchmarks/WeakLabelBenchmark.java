package io.streamprep.benchmarks;

import io.streamprep.operators.weaklabel.DawidSkene;
import io.streamprep.operators.weaklabel.KeywordFunction;
import io.streamprep.operators.weaklabel.LabelingFunction;
import io.streamprep.operators.weaklabel.LabelingFunctions;
import io.streamprep.operators.weaklabel.LookupFunction;
import io.streamprep.operators.weaklabel.RegexFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import net.sf.extjwnl.JWNLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-thread cost of weak supervision: {@code votes} applies 7 labelling functions (4 keyword
 * lists of 10 words, 2 regular expressions, a 2,000-term lookup dictionary) to one WordNet-gloss
 * document; {@code fitWindow} fits Dawid-Skene (at most 100 EM iterations) on one window of 10,000
 * records voted by 7 sources over 3 classes, the work done when a window closes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class WeakLabelBenchmark {

    private static final long SEED = 20_240_601L;
    private static final int WINDOW_ITEMS = 10_000;

    private List<String> texts;
    private LabelingFunctions functions;
    private List<String[]> window;
    private int next;

    @Setup
    public void setUp() throws JWNLException {
        texts = GlossCorpus.load(2_000, 20, SEED);
        List<String> words = new ArrayList<>();
        for (String text : texts) {
            for (String w : text.toLowerCase().split("[^a-z]+")) {
                if (w.length() > 3) {
                    words.add(w);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(SEED);
        List<LabelingFunction> lfs = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            List<String> keywords = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                keywords.add(words.get(random.nextInt(words.size())));
            }
            lfs.add(new KeywordFunction("kw" + f, "c" + (f % 3), keywords));
        }
        lfs.add(new RegexFunction("re0", "c0", "\\b(?:an?|the) \\w+ing\\b"));
        lfs.add(new RegexFunction("re1", "c1", "\\d+"));
        Map<String, String> terms = new TreeMap<>();
        while (terms.size() < 2_000) {
            terms.put(words.get(random.nextInt(words.size())), "c" + random.nextInt(3));
        }
        lfs.add(new LookupFunction("lookup", terms));
        functions = new LabelingFunctions(lfs);

        double[] accuracy = {0.9, 0.85, 0.8, 0.7, 0.65, 0.6, 0.55};
        window = new ArrayList<>();
        for (int i = 0; i < WINDOW_ITEMS; i++) {
            int y = random.nextInt(3);
            String[] votes = new String[accuracy.length];
            for (int j = 0; j < votes.length; j++) {
                if (random.nextDouble() < 0.5) {
                    continue;
                }
                int v = random.nextDouble() < accuracy[j] ? y : (y + 1 + random.nextInt(2)) % 3;
                votes[j] = "c" + v;
            }
            window.add(votes);
        }
    }

    @Benchmark
    public String[] votes() {
        String text = texts.get(next);
        next = (next + 1) % texts.size();
        return functions.votes(text);
    }

    @Benchmark
    public DawidSkene fitWindow() {
        return DawidSkene.fit(window, 100);
    }
}

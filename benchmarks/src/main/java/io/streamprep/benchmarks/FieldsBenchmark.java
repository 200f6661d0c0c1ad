package io.streamprep.benchmarks;

import io.streamprep.operators.fields.FieldOutcome;
import io.streamprep.operators.fields.FieldProcessor;
import io.streamprep.operators.fields.FieldSpec;
import io.streamprep.operators.fields.FieldSpecs;
import io.streamprep.operators.fields.FieldStatistics;
import io.streamprep.operators.fields.FrozenStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.extjwnl.JWNLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-thread throughput of the structured-fields treatments ({@link FieldProcessor}) on {@code
 * meta} objects derived from WordNet-gloss documents: two numeric fields (character and word
 * counts, one with median imputation, IQR outliers and z-score scaling, the other with z-score
 * outliers and Min-Max scaling), a one-hot categorical and a boolean. {@code online} updates
 * Welford statistics, KLL sketches and counts with every record (and reads the quartiles of a
 * sketch that changed); {@code frozen} reads fixed statistics.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class FieldsBenchmark {

    private static final List<String> DECLARED =
            List.of(
                    "chars: numeric, missing=median, outliers=iqr:1.5, scale=zscore",
                    "words: numeric, outliers=zscore:3, scale=minmax",
                    "first: categorical, vocab=a|b|c|d|e|f|g|h|i|j|k|l|m, encode=onehot",
                    "long: boolean, missing=mode");

    @Param({"online", "frozen"})
    public String statistics;

    private List<String> metas;
    private FieldProcessor processor;
    private int next;

    @Setup
    public void setUp() throws JWNLException {
        List<FieldSpec> specs = FieldSpecs.parse(DECLARED);
        metas = new ArrayList<>();
        int i = 0;
        for (String text : GlossCorpus.load(2_000, 20, 20_240_601L)) {
            String chars = i++ % 20 == 0 ? "null" : Integer.toString(text.length());
            metas.add(
                    "{\"chars\":"
                            + chars
                            + ",\"words\":"
                            + text.split("\\s+").length
                            + ",\"first\":\""
                            + Character.toLowerCase(text.charAt(0))
                            + "\",\"long\":"
                            + (text.length() > 400)
                            + "}");
        }
        FieldStatistics observed = new FieldStatistics(specs);
        FieldProcessor warm = new FieldProcessor(specs, observed, observed, 30);
        metas.forEach(m -> warm.process(m, null));
        processor =
                statistics.equals("online")
                        ? new FieldProcessor(specs, observed, observed, 30)
                        : new FieldProcessor(
                                specs,
                                FrozenStats.fromJson(observed.toJson(), specs, "bench"),
                                new FieldStatistics(specs),
                                30);
    }

    @Benchmark
    public FieldOutcome process() {
        String meta = metas.get(next);
        next = next + 1 == metas.size() ? 0 : next + 1;
        return processor.process(meta, null);
    }
}

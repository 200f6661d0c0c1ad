package io.streamprep.benchmarks;

import io.streamprep.operators.augment.text.EdaAugmenter;
import io.streamprep.operators.augment.text.EdaOperation;
import io.streamprep.operators.augment.text.EdaStep;
import io.streamprep.operators.augment.text.WordNetSynonyms;
import io.streamprep.operators.common.StableHash;
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
 * Single-thread EDA variants/s per operation on one-sentence WordNet glosses (alpha 0.1, the
 * operation always applied; {@code all} applies the four in a row). One operation = one variant,
 * seeded from (seed, record, variant) as in the pipeline. The synonym cache is warmed in setup over
 * the whole corpus, so this is the steady state of a long-running job; the first lookup of a word
 * costs about a millisecond more.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class EdaBenchmark {

    private static final int DOCUMENTS = 2_000;
    private static final long SEED = 20_240_601L;

    @Param({"synonym_replace", "random_insert", "random_swap", "random_delete", "all"})
    public String operation;

    private List<String> texts;
    private EdaAugmenter augmenter;
    private int next;
    private int variant;

    @Setup
    public void setUp() throws JWNLException {
        texts = GlossCorpus.load(DOCUMENTS, 1, SEED);
        List<EdaStep> steps = new ArrayList<>();
        for (EdaOperation op : EdaOperation.values()) {
            if (operation.equals("all") || op.code().equals(operation)) {
                steps.add(new EdaStep(op, 0.1, 1.0));
            }
        }
        WordNetSynonyms synonyms = WordNetSynonyms.shared();
        augmenter = new EdaAugmenter(steps, synonyms::of);
        for (String text : texts) {
            for (String word : text.split("\\s+")) {
                synonyms.of(word.replaceAll("[^\\p{L}'-]", ""));
            }
        }
    }

    @Benchmark
    public String variant() {
        if (next == texts.size()) {
            next = 0;
            variant++;
        }
        int i = next++;
        return augmenter.augment(texts.get(i), StableHash.random(SEED, "doc-" + i, variant)).text();
    }
}

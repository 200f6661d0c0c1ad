package io.streamprep.jobs.bench;

import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.jobs.stats.RunStats;
import io.streamprep.operators.augment.text.WordNetSynonyms;
import io.streamprep.operators.tokenize.TokenizerSettings;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Runs the benchmark's phases in one JVM and one broker, in this order: unmeasured warm-up runs of
 * the full pipeline, tokenizer-only, passthrough, full (throughput, on the same input topic), the
 * latency phase's pipeline at full speed for its maximum rate, then the paced AT_LEAST_ONCE latency
 * phase at half that rate, then the optional soak at the same rate. Throughput of the Flink phases
 * is measured from the write timestamps of their output topics (first to last record written), so
 * job start-up and tokenizer loading are not counted, as they are not in the tokenizer-only loop.
 */
final class BenchRunner {

    private static final long BASE_TS = 1_735_689_600_000L;
    private static final double SETTLED_JIT_SHARE = 0.08;
    private static final long QUIESCE_MILLIS = 2_000;
    private static final List<String> SPLITS = List.of("train", "validation", "test");
    private static final List<String> SINK_TOPICS =
            List.of("train", "validation", "test", "dlq", "duplicates", "sampled-out");

    private final BenchSettings settings;
    private final PrintStream log;
    private Path checkpoints;

    BenchRunner(BenchSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    BenchResults run() throws Exception {
        BenchResults results = new BenchResults(settings);
        log.println("streamprep bench: building the corpus...");
        BenchCorpus corpus =
                BenchCorpus.build(settings.sizeMb() * 1_000_000L, Path.of(BenchCorpus.DOC_ROOT));
        results.corpus(corpus);
        log.println("streamprep bench: corpus " + corpus.describe());
        int p = settings.parallelism();
        checkpoints = Files.createTempDirectory("streamprep-bench-checkpoints");
        try (BenchBroker broker = broker();
                BenchTopics topics = new BenchTopics(broker.bootstrapServers());
                CpuSampler cpu = new CpuSampler(broker.pid())) {
            results.cpuCountsBroker(cpu.countsBroker());
            String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
            String input = run + "-input";
            topics.create(List.of(input, run + "-copy"), p);
            topics.create(outputs(run + "-full"), p);
            produceSpread(topics, corpus, input, p, corpus.size());

            // The warm-up comes first, so that the three measured phases run back to back: on a
            // shared machine, the CPU one gets can change within minutes.
            warmUp(topics, corpus, cpu, results, run + "-warm-up");
            PipelineConfig throughput =
                    config(topics.bootstrapServers(), run + "-full", input, "latest", null);
            quiesce();
            tokenizerFloor(corpus, throughput, cpu, results, "");

            quiesce();
            log.println("streamprep bench: passthrough...");
            long passWall;
            long passPeak;
            try (HeapSampler heap = new HeapSampler()) {
                passWall = BenchJobs.runPassthrough(throughput, run + "-copy", log);
                passPeak = heap.peakBytes();
            }
            long[] passWindow = topics.writeWindow(List.of(run + "-copy"), p);
            results.passthrough(
                    span(passWindow),
                    passWall,
                    passPeak,
                    cpu.cpuSecondsBetween(passWindow[0], passWindow[1]),
                    cpu.jitSecondsBetween(passWindow[0], passWindow[1]));
            done(results, "passthrough");

            quiesce();
            log.println("streamprep bench: full pipeline...");
            RunStats stats;
            long fullPeak;
            try (HeapSampler heap = new HeapSampler()) {
                stats = BenchJobs.runPipeline(throughput, log);
                fullPeak = heap.peakBytes();
            }
            long[] fullWindow = topics.writeWindow(outputs(run + "-full"), p);
            results.full(
                    span(fullWindow),
                    stats,
                    fullPeak,
                    cpu.cpuSecondsBetween(fullWindow[0], fullWindow[1]),
                    cpu.jitSecondsBetween(fullWindow[0], fullWindow[1]));
            done(results, "full");

            // Again, so that the floor brackets the pipelines it is compared with.
            quiesce();
            tokenizerFloor(corpus, throughput, cpu, results, " again");

            double maxRate = latencyPipelineMaxRate(topics, input, run);
            double rate =
                    settings.latencyRate() > 0 ? settings.latencyRate() : Math.max(1, maxRate / 2);
            log.printf(
                    Locale.ROOT,
                    "streamprep bench: latency, AT_LEAST_ONCE at %,.0f records/s for %s...%n",
                    rate,
                    settings.latencyDuration());
            Duration pacedWarmUp = pacedWarmUp(settings.latencyDuration());
            log.printf(
                    Locale.ROOT,
                    "streamprep bench: latency warm-up, the same pipeline and rate for %s,"
                            + " unmeasured...%n",
                    pacedWarmUp);
            paced(topics, corpus, run + "-latency-warm-up", rate, pacedWarmUp, Duration.ZERO);
            PacedRun.Result latency =
                    paced(
                            topics,
                            corpus,
                            run + "-latency",
                            rate,
                            settings.latencyDuration(),
                            Duration.ZERO);
            results.latency(latency, rate, maxRate, coresPerSecond(cpu, latency), pacedWarmUp);
            done(results, "latency");

            if (!settings.soak().isZero()) {
                log.printf(
                        Locale.ROOT,
                        "streamprep bench: soak, AT_LEAST_ONCE at %,.0f records/s for %s...%n",
                        rate,
                        settings.soak());
                results.soak(
                        paced(
                                topics,
                                corpus,
                                run + "-soak",
                                rate,
                                settings.soak(),
                                settings.soakSampleEvery()),
                        rate);
                done(results, "soak");
            }
        } finally {
            deleteTree(checkpoints);
        }
        results.finish();
        return results;
    }

    /**
     * Cores in use (this JVM and the broker) in each second of the paced run's measured span, the
     * last second possibly partial: whether slow seconds are seconds without spare CPU.
     */
    private static double[] coresPerSecond(CpuSampler cpu, PacedRun.Result result) {
        long from = result.measuredFrom();
        long to = result.measuredTo();
        int n = (int) Math.max(0, (to - from + 999) / 1000);
        double[] cores = new double[n];
        for (int s = 0; s < n; s++) {
            long a = from + s * 1000L;
            long b = Math.min(to, a + 1000);
            cores[s] = b > a ? cpu.cpuSecondsBetween(a, b) / ((b - a) / 1e3) : 0;
        }
        return cores;
    }

    private static long span(long[] window) {
        if (window == null) {
            throw new IllegalStateException("the phase wrote no output records");
        }
        return Math.max(1, window[1] - window[0]);
    }

    /**
     * Runs the full pipeline, unmeasured, over records spread evenly over the corpus (so it sees
     * every kind of text the measured run sees), again and again (at most {@code --warmup-passes}
     * times) until the JIT compiler threads use less than {@value #SETTLED_JIT_SHARE} of a run's
     * CPU. The measured run then sees code that C2 has compiled, as a long-running job does. One
     * run was not enough: with one C2 thread on 2 cores the compile queue stays backed up for most
     * of a minute, and the pipeline's own hot methods were still C1-compiled during the measured
     * run. Nor was a warm-up over the corpus's first records (WordNet glosses, then the first
     * Debian paragraphs): C2 then spent about 5 CPU s of the measured run compiling, and
     * deoptimizing on branches the warm-up had never taken, for text further on. The WordNet
     * lookups the warm-up cached are then forgotten, so the measured run looks its words up again,
     * as for new text.
     */
    private void warmUp(
            BenchTopics topics,
            BenchCorpus corpus,
            CpuSampler cpu,
            BenchResults results,
            String prefix)
            throws Exception {
        int n = Math.min(settings.warmupRecords(), corpus.size());
        List<WarmUpPass> passes = new ArrayList<>();
        if (n > 0) {
            int p = settings.parallelism();
            String input = prefix + "-input";
            topics.create(List.of(input), p);
            produceSpread(topics, corpus, input, p, n);
            for (int pass = 1; pass <= settings.warmupPasses(); pass++) {
                log.printf(
                        Locale.ROOT,
                        "streamprep bench: warm-up %d (at most %d), full pipeline over %,d"
                                + " records...%n",
                        pass,
                        settings.warmupPasses(),
                        n);
                String outputs = prefix + "-" + pass;
                topics.create(outputs(outputs), p);
                BenchJobs.runPipeline(
                        config(topics.bootstrapServers(), outputs, input, "latest", null), log);
                // Over the same span as the measured run (first to last output record written),
                // so compiling the job's start-up does not count.
                long[] window = topics.writeWindow(outputs(outputs), p);
                WarmUpPass done =
                        new WarmUpPass(
                                span(window) / 1e3,
                                cpu.cpuSecondsBetween(window[0], window[1]),
                                cpu.jitSecondsBetween(window[0], window[1]));
                passes.add(done);
                log.printf(
                        Locale.ROOT,
                        "streamprep bench: warm-up %d: %.1f s from first to last output record;"
                                + " JIT compiler threads %.0f%% of the CPU%n",
                        pass,
                        done.seconds(),
                        100 * done.jitShare());
                if (done.jitShare() < SETTLED_JIT_SHARE) {
                    break;
                }
            }
            WordNetSynonyms.clearSharedCache();
        }
        results.warmUp(n, passes);
    }

    /**
     * The throughput of the pipeline the latency phase runs (AT_LEAST_ONCE sinks, balancing off)
     * over the whole input topic. "Half load" is half of this: half of the full pipeline's rate
     * would be more than half for it, because without balancing every record is augmented and
     * tokenized.
     */
    private double latencyPipelineMaxRate(BenchTopics topics, String input, String run)
            throws Exception {
        log.println(
                "streamprep bench: the latency phase's pipeline (AT_LEAST_ONCE, no balancing) at"
                        + " full speed, for its maximum rate...");
        String prefix = run + "-latency-max";
        topics.create(outputs(prefix), settings.parallelism());
        RunStats stats =
                BenchJobs.runPipeline(
                        config(
                                topics.bootstrapServers(),
                                prefix,
                                input,
                                "latest",
                                SinkOptions.Guarantee.AT_LEAST_ONCE.name()),
                        log);
        long[] window = topics.writeWindow(outputs(prefix), settings.parallelism());
        return stats.recordsIn() / (span(window) / 1e3);
    }

    /**
     * Collects the garbage of the previous phase and lets the JVM's background work (concurrent GC
     * cycles, compilations, closing clients) finish, so that it is not counted as the next measured
     * phase's CPU.
     */
    private static void quiesce() throws InterruptedException {
        System.gc();
        Thread.sleep(QUIESCE_MILLIS);
    }

    /** One run of the tokenizer-only floor over the whole corpus, added to the results. */
    private void tokenizerFloor(
            BenchCorpus corpus,
            PipelineConfig config,
            CpuSampler cpu,
            BenchResults results,
            String which)
            throws Exception {
        int p = settings.parallelism();
        log.println("streamprep bench: tokenizer-only" + which + ", " + p + " threads...");
        AtomicLong tokens = new AtomicLong();
        double seconds =
                TokenizerFloor.run(
                        corpus.texts(), TokenizerSettings.fromConfig(config.options()), p, tokens);
        long end = System.currentTimeMillis();
        long start = end - Math.round(seconds * 1e3);
        results.tokenizerOnly(
                seconds,
                tokens.get(),
                cpu.cpuSecondsBetween(start, end),
                cpu.jitSecondsBetween(start, end));
        done(results, "tokenizer_only");
    }

    /** Logs the phase's figures and saves what is measured so far, in case a later phase fails. */
    private void done(BenchResults results, String phase) throws IOException {
        log.println(
                "streamprep bench: "
                        + phase
                        + " "
                        + Json.toString(results.asMap().get(phase))
                                .replaceAll("\\[\\[.*\\]\\]", "[...]"));
        results.writePartial(settings.output());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * How long the latency pipeline runs paced, unmeasured, in a job of its own before the measured
     * one. The throughput warm-up runs at full speed, so it leaves paths that only a paced stream
     * takes hot in neither JVM: in the first 20 s of a paced job the JIT compilers of this JVM and
     * of the broker used 0.3–0.5 cores between them, on a machine the paced pipeline already kept
     * busy (BENCHMARKS.md). A job of its own, so that the measured job still starts with empty
     * state.
     */
    static Duration pacedWarmUp(Duration latencyDuration) {
        return Duration.ofMillis(Math.min(30_000, latencyDuration.toMillis() / 2));
    }

    private PacedRun.Result paced(
            BenchTopics topics,
            BenchCorpus corpus,
            String prefix,
            double rate,
            Duration duration,
            Duration heapEvery)
            throws Exception {
        int p = settings.parallelism();
        String input = prefix + "-input";
        topics.create(List.of(input), p);
        topics.create(outputs(prefix), p);
        PipelineConfig config =
                config(
                        topics.bootstrapServers(),
                        prefix,
                        input,
                        "never",
                        SinkOptions.Guarantee.AT_LEAST_ONCE.name());
        Duration warmUp = Duration.ofMillis(Math.min(10_000, duration.toMillis() / 4));
        return PacedRun.run(
                config,
                topics,
                corpus,
                input,
                SPLITS.stream().map(s -> prefix + "-" + s).toList(),
                p,
                rate,
                duration,
                warmUp,
                heapEvery,
                log);
    }

    private BenchBroker broker() throws IOException, InterruptedException {
        if (settings.bootstrapServers() != null) {
            return BenchBroker.external(settings.bootstrapServers());
        }
        log.println("streamprep bench: starting a Kafka broker (deploy/local/kafka.sh)...");
        return BenchBroker.start(settings.home(), settings.parallelism(), log);
    }

    /**
     * Writes {@code count} records spread evenly over the corpus, in corpus order, round-robin over
     * the partitions, with increasing event times.
     */
    private void produceSpread(
            BenchTopics topics, BenchCorpus corpus, String topic, int partitions, int count)
            throws Exception {
        log.printf(
                Locale.ROOT,
                "streamprep bench: writing %,d records spread over the corpus to %s...%n",
                count,
                topic);
        try (KafkaProducer<byte[], byte[]> producer = topics.producer()) {
            for (int i = 0; i < count; i++) {
                int record = (int) ((long) i * corpus.size() / count);
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                i % partitions,
                                null,
                                null,
                                corpus.value(record, BASE_TS + i, 0)));
            }
            producer.flush();
        }
    }

    private static List<String> outputs(String prefix) {
        List<String> topics = new ArrayList<>();
        for (String name : SINK_TOPICS) {
            topics.add(prefix + "-" + name);
        }
        return topics;
    }

    /** The benchmark config file with the run's servers, topics, parallelism and mode. */
    private PipelineConfig config(
            String servers, String prefix, String input, String stop, String guarantee) {
        String origin = "streamprep bench";
        Map<String, String> set = new LinkedHashMap<>();
        set.put("source.type", "KAFKA");
        set.put("source.kafka.bootstrap-servers", servers);
        set.put("source.kafka.topic", input);
        set.put("source.kafka.group-id", prefix);
        set.put("source.kafka.start", "earliest");
        set.put("source.kafka.stop", stop);
        set.put("sink.type", "KAFKA");
        set.put("sink.kafka.bootstrap-servers", servers);
        set.put("sink.kafka.transactional-id-prefix", prefix);
        for (String name : SINK_TOPICS) {
            set.put("sink.kafka.topic." + name, prefix + "-" + name);
        }
        if (guarantee != null) {
            set.put("sink.kafka.delivery-guarantee", guarantee);
            // The paced phases measure latency; a balancing stage holds each record for its
            // horizon by design, which would be all the latency measured (see config/bench.yaml).
            set.put("balance.enabled", "false");
        }
        set.put("pipeline.parallelism", Integer.toString(settings.parallelism()));
        // Event-time stages then emit as they go, as in a live deployment; BATCH would hold
        // everything back to the end and hide the pipelining.
        set.put("flink.execution.runtime-mode", "STREAMING");
        ConfigLoader loader = new ConfigLoader().file(settings.config());
        settings.overrides().forEach(loader::set);
        set.forEach((k, v) -> loader.set(k, v, origin));
        PipelineConfig config = loader.load();
        if (!config.flink().contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            // Dedup state of a large corpus outgrows the 5 MB the JobManager keeps in memory.
            loader.set(
                    "flink." + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(),
                    checkpoints.toUri().toString(),
                    origin);
            config = loader.load();
        }
        return config;
    }
}

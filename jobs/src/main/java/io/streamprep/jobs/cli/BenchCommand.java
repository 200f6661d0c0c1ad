package io.streamprep.jobs.cli;

import io.streamprep.jobs.bench.Bench;
import io.streamprep.jobs.bench.BenchSettings;
import io.streamprep.jobs.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamprep bench}: the end-to-end benchmark with its baselines (see BENCHMARKS.md). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark the text pipeline on a fixed real corpus (WordNet 3.1 glosses, then"
                    + " /usr/share/doc text) through a real local Kafka broker, next to its floor"
                    + " (DJL tokenizer only, same threads) and ceiling (a Flink topic-to-topic"
                    + " copy), after warm-up runs until the JIT has settled; then the"
                    + " AT_LEAST_ONCE end-to-end latency at half of the latency pipeline's"
                    + " measured maximum rate, and optionally a heap soak.",
            "Writes bench-results.json and bench-results.md to --output and prints the table.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  bin/streamprep bench",
            "  bin/streamprep bench --size-mb 50 --parallelism 2 --duration 60s --soak 10min"
        })
final class BenchCommand implements Callable<Integer> {

    static final String BENCH_CONFIG = "config/bench.yaml";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Pipeline config of the 'full' phase (stages, tokenizer, guarantee)."
                            + " Default: config/bench.yaml. Topics and servers are the benchmark's.")
    Path config;

    @Option(
            names = "--size-mb",
            paramLabel = "MB",
            defaultValue = "50",
            description = "Corpus size in MB of text. Default: ${DEFAULT-VALUE}.")
    int sizeMb;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            defaultValue = "2",
            description =
                    "Flink parallelism, topic partitions and tokenizer-only threads."
                            + " Default: ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(
            names = "--warmup-records",
            paramLabel = "N",
            defaultValue = "200000",
            description =
                    "Warm up by running the full pipeline, unmeasured, over N records spread"
                            + " evenly over the corpus (at most all of it) before the measured run, so the JIT has"
                            + " compiled its code as in a long-running job (0: no warm-up)."
                            + " Default: ${DEFAULT-VALUE}.")
    int warmupRecords;

    @Option(
            names = "--warmup-passes",
            paramLabel = "K",
            defaultValue = "4",
            description =
                    "Repeat the warm-up run until the JIT compiler threads use less than 8%% of a"
                            + " run's CPU, at most K times. Default: ${DEFAULT-VALUE}.")
    int warmupPasses;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "Length of the latency phase. Default: ${DEFAULT-VALUE}.")
    String duration;

    @Option(
            names = "--latency-rate",
            paramLabel = "RECORDS_PER_S",
            description =
                    "Feed the latency (and soak) phase at this rate instead of half of the latency"
                            + " pipeline's measured maximum, e.g. to compare two configurations"
                            + " at the same load. The maximum is still measured and the load"
                            + " reported; the p99 target is judged only at half load.")
    Double latencyRate;

    @Option(
            names = "--soak",
            paramLabel = "DURATION",
            description =
                    "Also run the pipeline at half load this long, sampling the heap after GC,"
                            + " and report its trend (e.g. 10min).")
    String soak;

    @Option(
            names = "--soak-sample",
            paramLabel = "DURATION",
            defaultValue = "15s",
            description = "Heap sampling period of the soak. Default: ${DEFAULT-VALUE}.")
    String soakSample;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            defaultValue = "bench-out",
            description =
                    "Folder for bench-results.json and bench-results.md. Default:"
                            + " ${DEFAULT-VALUE}.")
    Path output;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Use this broker instead of starting one with deploy/local/kafka.sh.")
    String bootstrapServers;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override one key of the config file; repeatable (e.g."
                            + " dedup.exact.window=1min for a soak of the steady state).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        BenchSettings settings;
        try {
            Path home = RunCommand.home();
            if (latencyRate != null && !(latencyRate > 0 && latencyRate < Double.MAX_VALUE)) {
                throw new IllegalArgumentException("--latency-rate must be a positive number");
            }
            settings =
                    new BenchSettings(
                            config != null ? config : home.resolve(BENCH_CONFIG),
                            home,
                            sizeMb,
                            parallelism,
                            warmupRecords,
                            warmupPasses,
                            parse("--duration", duration),
                            latencyRate == null ? 0 : latencyRate,
                            soak == null ? Duration.ZERO : parse("--soak", soak),
                            parse("--soak-sample", soakSample),
                            output,
                            bootstrapServers,
                            overrides);
        } catch (IllegalArgumentException e) {
            System.err.println("streamprep: " + e.getMessage());
            return StreamprepCli.USAGE;
        }
        try {
            System.out.print(Bench.run(settings, System.err));
            return 0;
        } catch (ConfigException e) {
            System.err.println("streamprep: " + e.getMessage());
            return StreamprepCli.USAGE;
        } catch (Exception e) {
            System.err.println(
                    "streamprep: the benchmark failed: " + PipelineLauncher.rootMessage(e));
            e.printStackTrace(System.err);
            return StreamprepCli.FAILED;
        }
    }

    private static Duration parse(String option, String value) {
        try {
            return TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": not a duration: '" + value + "'");
        }
    }
}

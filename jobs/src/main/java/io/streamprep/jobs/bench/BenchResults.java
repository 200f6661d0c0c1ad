package io.streamprep.jobs.bench;

import io.streamprep.jobs.stats.RunStats;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, as {@code bench-results.json} (snake_case keys, stable order)
 * and as a markdown table for BENCHMARKS.md. Throughputs are input records/s and MB/s of input text
 * (UTF-8), the same corpus for every phase.
 */
final class BenchResults {

    /** Targets of issue #8. */
    /** The goal of figures that are only reported: no target, so never "met" or "missed". */
    private static final String REPORTED = "(reported)";

    static final double TARGET_FULL_VS_TOKENIZER = 0.6;

    static final long TARGET_P99_MS = 500;
    static final double TARGET_HEAP_SLOPE_MB_PER_MIN = 1.0;

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Map<String, Object>> tokenizerRuns = new ArrayList<>();
    private long records;
    private long textBytes;

    BenchResults(BenchSettings settings) {
        root.put("started", java.time.Instant.now().toString());
        root.put("machine", machine());
        root.put("load_average_before", loadAverage());
        root.put("parallelism", settings.parallelism());
        root.put("config", settings.config().toString());
    }

    void corpus(BenchCorpus corpus) {
        records = corpus.size();
        textBytes = corpus.textBytes();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("description", corpus.describe());
        c.put("records", records);
        c.put("text_bytes", textBytes);
        c.put("sha256", corpus.sha256());
        root.put("corpus", c);
    }

    void cpuCountsBroker(boolean counted) {
        root.put("cpu_includes_broker", counted);
    }

    void warmUp(int records, List<WarmUpPass> passes) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("records_per_pass", records);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (WarmUpPass pass : passes) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seconds", round(pass.seconds()));
            r.put("cpu_seconds", round3(pass.cpuSeconds()));
            r.put("jit_cpu_seconds", round3(pass.jitSeconds()));
            r.put("jit_share", round3(pass.jitShare()));
            runs.add(r);
        }
        w.put("passes", runs);
        root.put("warm_up", w);
    }

    /**
     * One run of the tokenizer floor. The benchmark runs it before the other phases and again after
     * "full", and {@code tokenizer_only} is their pooled figure (records over their mean seconds
     * and CPU seconds), each run listed under {@code runs}: on a shared machine the CPU a phase
     * gets drifts within minutes, and a floor measured on both sides of "full" cancels a drift that
     * one measured only before it would put into the ratio.
     */
    void tokenizerOnly(double seconds, long tokens, double cpuSeconds, double jitSeconds) {
        Map<String, Object> run = rates(seconds);
        cpu(run, cpuSeconds, jitSeconds);
        run.put("after_full", root.containsKey("full"));
        tokenizerRuns.add(run);
        double meanSeconds = mean(tokenizerRuns, "seconds");
        Map<String, Object> t = rates(meanSeconds);
        cpu(t, mean(tokenizerRuns, "cpu_seconds"), mean(tokenizerRuns, "jit_cpu_seconds"));
        t.put("tokens", tokens);
        t.put("runs", List.copyOf(tokenizerRuns));
        root.put("tokenizer_only", t);
        if (root.containsKey("full")) {
            ratios();
        }
    }

    /** The tokenizer floor's runs, when there was more than one. */
    private String tokenizerRuns() {
        if (tokenizerRuns.size() < 2) {
            return "";
        }
        List<String> each = new ArrayList<>();
        for (Map<String, Object> run : tokenizerRuns) {
            each.add(
                    String.format(
                            Locale.ROOT,
                            "%,.0f records/s (%.1f CPU s) %s",
                            (double) run.get("records_per_second"),
                            (double) run.get("cpu_seconds"),
                            (boolean) run.get("after_full") ? "after full" : "before passthrough"));
        }
        return String.format(
                Locale.ROOT,
                "%nTokenizer-only ran on both sides of the measured pipelines, and its row and the"
                        + " ratios use the pooled figure: %s.%n",
                String.join(", ", each));
    }

    private static double mean(List<Map<String, Object>> runs, String key) {
        return runs.stream().mapToDouble(r -> (double) r.get(key)).average().orElse(0);
    }

    void passthrough(
            long spanMillis,
            long wallMillis,
            long peakHeapBytes,
            double cpuSeconds,
            double jitSeconds) {
        Map<String, Object> t = rates(spanMillis / 1e3);
        cpu(t, cpuSeconds, jitSeconds);
        t.put("wall_seconds", round(wallMillis / 1e3));
        t.put("peak_heap_mb", round(peakHeapBytes / 1e6));
        root.put("passthrough", t);
    }

    void full(
            long spanMillis,
            RunStats stats,
            long peakHeapBytes,
            double cpuSeconds,
            double jitSeconds) {
        Map<String, Object> t = rates(spanMillis / 1e3);
        cpu(t, cpuSeconds, jitSeconds);
        t.put("wall_seconds", round(stats.wallTimeMillis() / 1e3));
        t.put("peak_heap_mb", round(peakHeapBytes / 1e6));
        t.put("records_in", stats.recordsIn());
        t.put("records_out", stats.recordsOutTotal());
        t.put("dead_letters", stats.deadLettersTotal());
        t.put("duplicates", stats.duplicatesTotal());
        t.put("sampled_out", stats.balance() == null ? 0 : stats.balance().sampledOutTotal());
        t.put("tokens", stats.tokens());
        root.put("full", t);
        ratios();
    }

    private void ratios() {
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("full_vs_tokenizer_only", round3(ratio("tokenizer_only")));
        ratios.put("full_vs_passthrough", round3(ratio("passthrough")));
        ratios.put(
                "full_vs_tokenizer_only_per_cpu_second",
                round3(ratio("tokenizer_only", "records_per_cpu_second")));
        ratios.put(
                "full_vs_tokenizer_only_per_cpu_second_without_jit",
                round3(ratio("tokenizer_only", "records_per_cpu_second_without_jit")));
        root.put("ratios", ratios);
    }

    /**
     * @param pipelineMaxRate the maximum rate of the pipeline the latency phase runs, which the
     *     target rate halves
     * @param coresPerSecond cores in use in each second of the measured span
     */
    void latency(
            PacedRun.Result result,
            double rate,
            double pipelineMaxRate,
            double[] coresPerSecond,
            Duration pacedWarmUp) {
        Map<String, Object> l = paced(result, rate);
        l.put("paced_warm_up_seconds", round(pacedWarmUp.toMillis() / 1e3));
        List<Double> cores = new ArrayList<>();
        double sum = 0;
        for (double c : coresPerSecond) {
            cores.add(round(c));
            sum += c;
        }
        l.put("cpu_cores_per_second", cores);
        l.put("cpu_cores", coresPerSecond.length == 0 ? 0.0 : round(sum / coresPerSecond.length));
        l.put("pipeline_max_rate", round(pipelineMaxRate));
        l.put("load", round3(rate / pipelineMaxRate));
        l.put("half_load", Math.abs(rate - Math.max(1, pipelineMaxRate / 2)) < 1e-6);
        root.put("latency", l);
    }

    void soak(PacedRun.Result result, double rate) {
        Map<String, Object> s = paced(result, rate);
        List<double[]> samples = result.heapSamples();
        List<List<Double>> points = new ArrayList<>();
        for (double[] sample : samples) {
            points.add(List.of(round(sample[0]), round(sample[1])));
        }
        s.put("heap_after_gc_mb", points);
        // The first quarter is warm-up (classes, buffers, JIT), not a trend.
        List<double[]> steady = samples.subList(samples.size() / 4, samples.size());
        s.put("heap_slope_mb_per_min", round3(slopePerMinute(steady)));
        root.put("soak", s);
    }

    void finish() {
        root.put("load_average_after", loadAverage());
        root.put("targets", targets());
        root.put("complete", true);
    }

    Map<String, Object> asMap() {
        return root;
    }

    /** Writes what is measured so far to {@code bench-results.json}, marked incomplete. */
    void writePartial(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> partial = new LinkedHashMap<>(root);
        partial.put("complete", false);
        Files.write(
                dir.resolve("bench-results.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(partial));
    }

    /** Writes {@code bench-results.json} and {@code bench-results.md} into the folder. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(
                dir.resolve("bench-results.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.writeString(dir.resolve("bench-results.md"), markdown());
    }

    @SuppressWarnings("unchecked")
    String markdown() {
        StringBuilder md = new StringBuilder();
        Map<String, Object> corpus = (Map<String, Object>) root.get("corpus");
        md.append(
                String.format(
                        Locale.ROOT,
                        "Corpus: %s (sha256 %s…). Parallelism %s. Load average before %s, after"
                                + " %s.%n%n",
                        corpus.get("description"),
                        ((String) corpus.get("sha256")).substring(0, 12),
                        root.get("parallelism"),
                        root.get("load_average_before"),
                        root.get("load_average_after")));
        md.append(
                "| phase | records/s | MB/s | seconds | CPU seconds | records/CPU-s | JIT CPU s |"
                        + " records/CPU-s without JIT | peak heap MB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String phase : List.of("tokenizer_only", "passthrough", "full")) {
            Map<String, Object> t = (Map<String, Object>) root.get(phase);
            if (t == null) {
                continue;
            }
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %,.0f | %.2f | %.1f | %.1f | %,.0f | %.1f | %,.0f | %s |%n",
                            phase.replace('_', '-'),
                            (double) t.get("records_per_second"),
                            (double) t.get("mb_per_second"),
                            (double) t.get("seconds"),
                            (double) t.get("cpu_seconds"),
                            (double) t.get("records_per_cpu_second"),
                            (double) t.get("jit_cpu_seconds"),
                            (double) t.get("records_per_cpu_second_without_jit"),
                            t.getOrDefault("peak_heap_mb", "–")));
        }
        md.append(tokenizerRuns());
        Map<String, Object> warmUp = (Map<String, Object>) root.get("warm_up");
        if (warmUp != null) {
            md.append(
                    String.format(
                            Locale.ROOT,
                            "%nWarm-up before \"full\": %s unmeasured run(s) over %,d records; the"
                                    + " JIT compiler threads' share of each run's CPU: %s.%n",
                            ((List<?>) warmUp.get("passes")).size(),
                            (int) warmUp.get("records_per_pass"),
                            jitShares((List<Map<String, Object>>) warmUp.get("passes"))));
        }
        Map<String, Object> latency = (Map<String, Object>) root.get("latency");
        if (latency != null) {
            if (latency.get("paced_warm_up_seconds") instanceof Double warm && warm > 0) {
                md.append(
                        String.format(
                                Locale.ROOT,
                                "%nWarm-up before \"latency\": the same pipeline, paced at the same"
                                        + " rate for %.0f s in a job of its own, unmeasured.%n",
                                warm));
            }
            md.append(
                    secondsOver(
                            (List<List<Long>>) latency.get("per_second"),
                            (List<Double>) latency.get("cpu_cores_per_second")));
        }
        md.append("\n| target | goal | measured | met |\n|---|---|---:|---|\n");
        for (Map<String, Object> target : (List<Map<String, Object>>) root.get("targets")) {
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s |%n",
                            target.get("name"),
                            target.get("goal"),
                            target.get("measured"),
                            REPORTED.equals(target.get("goal"))
                                    ? "–"
                                    : Boolean.TRUE.equals(target.get("met")) ? "yes" : "**no**"));
        }
        return md.toString();
    }

    /** One line on how the latency phase's slow records spread over its seconds. */
    private static String secondsOver(List<List<Long>> seconds, List<Double> cores) {
        long bad = 0;
        long worst = -1;
        long worstMax = 0;
        double coresAll = 0;
        double coresBad = 0;
        int withCores = 0;
        for (List<Long> second : seconds) {
            int s = second.get(0).intValue();
            double c = cores != null && s < cores.size() ? cores.get(s) : Double.NaN;
            if (!Double.isNaN(c)) {
                withCores++;
                coresAll += c;
            }
            if (second.get(2) > 0) {
                bad++;
                coresBad += Double.isNaN(c) ? 0 : c;
            }
            if (second.get(3) > worstMax) {
                worstMax = second.get(3);
                worst = second.get(0);
            }
        }
        if (worst < 0) {
            return "";
        }
        String load =
                withCores == 0
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " Cores in use (JVM and broker): %.1f on average%s.",
                                coresAll / withCores,
                                bad == 0
                                        ? ""
                                        : String.format(
                                                Locale.ROOT,
                                                ", %.1f in the seconds with slow records",
                                                coresBad / bad));
        return String.format(
                Locale.ROOT,
                "%nLatency phase, per second of sending: %d of %d seconds had records over %d ms;"
                        + " the slowest record was sent in second %d (%d ms).%s Per-second"
                        + " figures are in bench-results.json (latency.per_second,"
                        + " latency.cpu_cores_per_second).%n",
                bad,
                seconds.size(),
                TARGET_P99_MS,
                worst,
                worstMax,
                load);
    }

    private static String jitShares(List<Map<String, Object>> passes) {
        List<String> shares = new ArrayList<>();
        for (Map<String, Object> pass : passes) {
            shares.add(String.format(Locale.ROOT, "%.0f%%", 100 * (double) pass.get("jit_share")));
        }
        return shares.isEmpty() ? "–" : String.join(", ", shares);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> targets() {
        List<Map<String, Object>> targets = new ArrayList<>();
        Map<String, Object> ratios = (Map<String, Object>) root.get("ratios");
        if (ratios != null) {
            double r = (double) ratios.get("full_vs_tokenizer_only");
            targets.add(
                    target("full / tokenizer-only", ">= 0.6", r, r >= TARGET_FULL_VS_TOKENIZER));
            double perCpu = (double) ratios.get("full_vs_tokenizer_only_per_cpu_second");
            targets.add(
                    target(
                            "full / tokenizer-only, per CPU-second (load-independent proxy)",
                            REPORTED,
                            perCpu,
                            true));
            targets.add(
                    target(
                            "the same without JIT compiler threads (steady-state proxy)",
                            REPORTED,
                            ratios.get("full_vs_tokenizer_only_per_cpu_second_without_jit"),
                            true));
            double pass = (double) ratios.get("full_vs_passthrough");
            targets.add(target("full / passthrough", REPORTED, pass, true));
        }
        Map<String, Object> latency = (Map<String, Object>) root.get("latency");
        if (latency != null && latency.get("p99_ms") != null) {
            long p99 = (long) latency.get("p99_ms");
            if (Boolean.TRUE.equals(latency.get("half_load"))) {
                targets.add(
                        target(
                                "AT_LEAST_ONCE p99 latency at half load (ms)",
                                "<= 500",
                                p99,
                                p99 <= TARGET_P99_MS));
            } else {
                targets.add(
                        target(
                                String.format(
                                        Locale.ROOT,
                                        "AT_LEAST_ONCE p99 latency at %,.0f records/s, %.0f%% of"
                                                + " the maximum (ms)",
                                        (double) latency.get("target_rate"),
                                        100 * (double) latency.get("load")),
                                REPORTED,
                                p99,
                                true));
            }
        }
        Map<String, Object> soak = (Map<String, Object>) root.get("soak");
        if (soak != null) {
            double slope = (double) soak.get("heap_slope_mb_per_min");
            targets.add(
                    target(
                            "heap slope after GC, soak (MB/min)",
                            "flat (|slope| <= 1)",
                            slope,
                            Math.abs(slope) <= TARGET_HEAP_SLOPE_MB_PER_MIN));
        }
        return targets;
    }

    private static Map<String, Object> target(
            String name, String goal, Object measured, boolean met) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("goal", goal);
        t.put("measured", measured);
        t.put("met", met);
        return t;
    }

    private Map<String, Object> rates(double seconds) {
        double s = Math.max(seconds, 1e-3);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("seconds", round3(s));
        t.put("records_per_second", round(records / s));
        t.put("mb_per_second", round3(textBytes / 1e6 / s));
        return t;
    }

    /**
     * CPU seconds inside the phase's measured span (this JVM's threads, plus the broker's when
     * {@code cpu_includes_broker}), and input records per CPU-second; the same without this JVM's
     * JIT compiler threads, whose share in a short phase is mostly start-up.
     */
    private void cpu(Map<String, Object> t, double cpuSeconds, double jitSeconds) {
        t.put("cpu_seconds", round3(cpuSeconds));
        t.put("records_per_cpu_second", round(records / Math.max(cpuSeconds, 1e-3)));
        t.put("jit_cpu_seconds", round3(jitSeconds));
        t.put(
                "records_per_cpu_second_without_jit",
                round(records / Math.max(cpuSeconds - jitSeconds, 1e-3)));
    }

    private double ratio(String baseline) {
        return ratio(baseline, "records_per_second");
    }

    @SuppressWarnings("unchecked")
    private double ratio(String baseline, String figure) {
        double full = (double) ((Map<String, Object>) root.get("full")).get(figure);
        double base = (double) ((Map<String, Object>) root.get(baseline)).get(figure);
        return full / base;
    }

    private static Map<String, Object> paced(PacedRun.Result result, double rate) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("guarantee", "AT_LEAST_ONCE");
        l.put("target_rate", round(rate));
        l.put("achieved_rate", round(result.achievedRate()));
        l.put("records_sent", result.sent());
        LatencyHistogram latencies = result.latencies();
        l.put("measured_records", latencies.count());
        l.put("p50_ms", latencies.percentile(0.50));
        l.put("p99_ms", latencies.percentile(0.99));
        l.put("max_ms", latencies.max());
        List<List<Long>> seconds = new ArrayList<>();
        for (long[] second : result.timeline().seconds()) {
            seconds.add(List.of(second[0], second[1], second[2], second[3]));
        }
        l.put("per_second", seconds);
        return l;
    }

    /** Least-squares slope of (seconds, MB), in MB per minute; 0 with fewer than two points. */
    static double slopePerMinute(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return 0;
        }
        double sx = 0;
        double sy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
        }
        double mx = sx / n;
        double my = sy / n;
        double num = 0;
        double den = 0;
        for (double[] p : points) {
            num += (p[0] - mx) * (p[1] - my);
            den += (p[0] - mx) * (p[0] - mx);
        }
        return den == 0 ? 0 : num / den * 60;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("max_heap_mb", round(Runtime.getRuntime().maxMemory() / 1e6));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("cpu", cpuModel());
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // Not Linux: the OS bean's name is all there is.
        }
        return ManagementFactory.getOperatingSystemMXBean().getArch();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

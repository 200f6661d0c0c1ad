package io.streamprep.jobs.bench;

import java.io.PrintStream;

/**
 * The end-to-end benchmark ({@code streamprep bench}): the configured text pipeline from a Kafka
 * topic to Kafka topics on a real local broker, next to the tokenizer alone (the floor) and a Flink
 * topic copy (the ceiling), then the AT_LEAST_ONCE latency at half the measured rate and an
 * optional heap soak. Timing only; nothing is asserted. A failed phase fails the run with its
 * cause; a broker the benchmark started is stopped in any case.
 */
public final class Bench {

    private Bench() {}

    /**
     * Runs every phase, writes {@code bench-results.json} and {@code bench-results.md} into the
     * output folder and returns the markdown table. Progress goes to {@code log}.
     */
    public static String run(BenchSettings settings, PrintStream log) throws Exception {
        BenchResults results = new BenchRunner(settings, log).run();
        results.write(settings.output());
        log.println(
                "streamprep bench: wrote "
                        + settings.output().resolve("bench-results.json")
                        + " and bench-results.md");
        return results.markdown();
    }
}

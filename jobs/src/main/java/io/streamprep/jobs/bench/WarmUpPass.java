package io.streamprep.jobs.bench;

/**
 * One unmeasured warm-up run of the full pipeline.
 *
 * @param seconds from the first to the last output record written
 * @param cpuSeconds CPU of this JVM (and of the broker, when the benchmark started it) in the run
 * @param jitSeconds of that, the JIT compiler threads' CPU
 */
record WarmUpPass(double seconds, double cpuSeconds, double jitSeconds) {

    /** The JIT compiler threads' share of the run's CPU. */
    double jitShare() {
        return jitSeconds / Math.max(cpuSeconds, 1e-3);
    }
}

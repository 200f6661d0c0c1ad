package io.streamprep.jobs.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's Kafka broker: either one given by the user ({@code --bootstrap-servers}) or a
 * fresh single-node KRaft broker started as a separate process with {@code deploy/local/kafka.sh}
 * in a temporary folder on free loopback ports, stopped and deleted on {@link #close()}. A separate
 * process keeps the broker's CPU and heap out of the measured JVM, as in production.
 */
final class BenchBroker implements AutoCloseable {

    private static final Pattern PID = Pattern.compile("\\bpid=(\\d+)");

    private final String bootstrapServers;
    private final Path script;
    private final Path dir;
    private final PrintStream log;
    private final long pid;
    private Thread stopOnExit;

    private BenchBroker(String bootstrapServers, Path script, Path dir, PrintStream log, long pid) {
        this.bootstrapServers = bootstrapServers;
        this.script = script;
        this.dir = dir;
        this.log = log;
        this.pid = pid;
    }

    static BenchBroker external(String bootstrapServers) {
        return new BenchBroker(bootstrapServers, null, null, null, -1);
    }

    /**
     * Starts a broker with {@code <home>/deploy/local/kafka.sh start}.
     *
     * @throws IOException if the script fails or the broker does not come up
     */
    static BenchBroker start(Path home, int partitions, PrintStream log)
            throws IOException, InterruptedException {
        Path script = home.resolve("deploy/local/kafka.sh");
        if (!Files.isExecutable(script)) {
            throw new IOException("no broker script at " + script + " (set streamprep.home)");
        }
        Path dir = Files.createTempDirectory("streamprep-bench-kafka");
        int port = freePortPair();
        String started =
                run(
                        log,
                        script.toString(),
                        "start",
                        "--dir",
                        dir.toString(),
                        "--port",
                        Integer.toString(port),
                        "--partitions",
                        Integer.toString(partitions));
        Matcher pid = PID.matcher(started);
        BenchBroker broker =
                new BenchBroker(
                        "127.0.0.1:" + port,
                        script,
                        dir,
                        log,
                        pid.find() ? Long.parseLong(pid.group(1)) : -1);
        broker.stopOnExit = new Thread(broker::stopQuietly, "bench-broker-stop");
        Runtime.getRuntime().addShutdownHook(broker.stopOnExit);
        return broker;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's process id, or -1 for an external broker. */
    long pid() {
        return pid;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (script == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is stopping the broker.
            return;
        }
        run(log, script.toString(), "stop", "--dir", dir.toString());
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** On Ctrl-C or kill: the broker is a separate process and would outlive this JVM. */
    private void stopQuietly() {
        try {
            run(log, script.toString(), "stop", "--dir", dir.toString());
        } catch (IOException | InterruptedException e) {
            log.println("streamprep bench: could not stop the broker in " + dir + ": " + e);
        }
    }

    private static String run(PrintStream log, String... command)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        log.println("streamprep bench: " + output.replace("\n", "\n  "));
        return output;
    }

    /** A port whose successor is free too (kafka.sh puts the controller there). */
    private static int freePortPair() throws IOException {
        SplittableRandom random = new SplittableRandom();
        for (int attempt = 0; attempt < 200; attempt++) {
            // Below Linux's ephemeral range, as deploy/local/ports.sh does.
            int port = 15_000 + random.nextInt(17_000);
            if (free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IOException("found no two free adjacent ports on 127.0.0.1");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

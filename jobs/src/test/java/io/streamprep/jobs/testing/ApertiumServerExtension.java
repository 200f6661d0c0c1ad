package io.streamprep.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apertium APy server (Debian's {@code apertium-apy} with {@code apertium-eng-spa}) for the
 * tests, started through {@code deploy/local/apertium-apy.py} on a free port of 127.0.0.1.
 *
 * <p>Register it as a static {@code @RegisterExtension} field: it starts before the class's tests
 * and stops after them. Tests may {@link #stop()} it to simulate an outage. The server's log (one
 * line per request) is kept in a temporary file, which {@link #translateRequests()} reads. If the
 * Debian packages are missing the start fails with a message naming {@code
 * deploy/local/test-deps.sh}.
 */
public final class ApertiumServerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private Process process;
    private int port;
    private Path log;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the server on a fresh free port and waits until it translates. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("APy is already running on port " + port);
        }
        Path launcher = SampleData.repoRoot().resolve("deploy/local/apertium-apy.py");
        if (!Files.isExecutable(Path.of(PYTHON))
                || !Files.exists(Path.of("/usr/share/apertium/modes/eng-spa.mode"))) {
            throw new IllegalStateException(
                    "Apertium APy with eng-spa is not installed: run deploy/local/test-deps.sh");
        }
        port = freePort();
        log = Files.createTempFile("apertium-apy-", ".log");
        process =
                new ProcessBuilder(PYTHON, launcher.toString(), Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        awaitReady();
    }

    /**
     * Kills the server and the translation pipelines it started at once, like a crash; no-op if not
     * running. Not a graceful stop: on SIGTERM APy went on answering requests for seconds (2 s
     * measured under load), long enough for a test's whole input to be translated after the
     * "outage" began.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:43121}. */
    public synchronized String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Translate requests the server has logged so far. */
    public long translateRequests() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("/translate"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's log so far, for failure messages. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe =
                HttpRequest.newBuilder(URI.create(url() + "/listPairs"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("APy exited at start:\n" + logText());
            }
            try {
                HttpResponse<String> response =
                        http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"spa\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        stop();
        throw new IllegalStateException("APy did not start within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package io.streamprep.jobs.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamprep.jobs.testing.PipelineRuns;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.ImageTrainingRecord;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * http image URIs fetched through Async I/O from a real HTTP server started here (the JDK's, on
 * 127.0.0.1, a free port) serving real Tango icons, next to a 404, an answer slower than the
 * timeout, a body over image.max-bytes with and without Content-Length, and a server error that
 * goes away on retry. Every icon reaches the training output decoded like an inline one; every
 * failure is one dead letter with its reason and the record's original bytes; the 404 is asked
 * once, the slow one once per allowed attempt.
 */
class ImageHttpITCase {

    private static final Path ICONS = Path.of("/usr/share/icons/Tango/32x32/devices");
    private static final int MAX_BYTES = 20_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path dir;

    private HttpServer server;
    private ExecutorService threads;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, byte[]> icons = new LinkedHashMap<>();
    private byte[] flakyIcon;

    @BeforeEach
    void startServer() throws IOException {
        try (Stream<Path> files = Files.list(ICONS)) {
            for (Path p :
                    files.filter(p -> p.toString().endsWith(".png"))
                            .filter(p -> !Files.isSymbolicLink(p))
                            .sorted()
                            .limit(6)
                            .toList()) {
                icons.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        // The last one is served only as /flaky.png (a different picture, so not an exact copy).
        String last = List.copyOf(icons.keySet()).get(icons.size() - 1);
        flakyIcon = icons.remove(last);
        if (flakyIcon == null) {
            throw new IllegalStateException("no icons in " + ICONS);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int count = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            byte[] icon = icons.get(path.substring(path.lastIndexOf('/') + 1));
            if (path.startsWith("/icons/") && icon != null) {
                send(exchange, 200, icon, true);
            } else if (path.equals("/slow.png")) {
                sleep(4_000);
                send(exchange, 200, icons.values().iterator().next(), true);
            } else if (path.equals("/flaky.png") && count == 1) {
                send(exchange, 503, new byte[0], true);
            } else if (path.equals("/flaky.png")) {
                send(exchange, 200, flakyIcon, true);
            } else if (path.equals("/big-declared.png")) {
                send(exchange, 200, new byte[MAX_BYTES * 5], true);
            } else if (path.equals("/big-chunked.png")) {
                send(exchange, 200, new byte[MAX_BYTES * 5], false);
            } else {
                send(exchange, 404, "not found".getBytes(StandardCharsets.UTF_8), true);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean withLength)
            throws IOException {
        exchange.sendResponseHeaders(
                status, withLength ? (body.length == 0 ? -1 : body.length) : 0);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < body.length; i += 4096) {
                    out.write(body, i, Math.min(4096, body.length - i));
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void iconsAreFetchedAndEveryFailureIsADeadLetter() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> lines = new ArrayList<>();
        Map<String, String> good = new LinkedHashMap<>();
        long ts = 1_700_000_000_000L;
        for (String name : icons.keySet()) {
            String id = "icon/" + name;
            lines.add(line(id, ts++, base + "/icons/" + name));
            good.put(id, name);
        }
        lines.add(line("flaky", ts++, base + "/flaky.png"));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("missing", "image_unreadable");
        bad.put("slow", "image_unreadable");
        bad.put("big-declared", "image_too_large");
        bad.put("big-chunked", "image_too_large");
        for (String id : bad.keySet()) {
            lines.add(line(id, ts++, base + "/" + id + ".png"));
        }
        lines.add(line("no-host", ts++, "http:///x.png"));
        bad.put("no-host", "image_unreadable");
        Path input = dir.resolve("in.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");

        JobExecutionResult result =
                PipelineRuns.run(
                        List.of(
                                "pipeline.kind=IMAGE",
                                "source.file.path=" + input,
                                "sink.file.path=" + out,
                                "pipeline.parallelism=2",
                                "labels.list=devices",
                                "image.size=32",
                                "image.max-bytes=" + MAX_BYTES + " b",
                                "image.http.enabled=true",
                                "image.http.timeout=1 s",
                                "image.http.retries=1",
                                "image.http.capacity=4"));

        Map<String, String> reasons = new HashMap<>();
        for (String line : read(out.resolve("dlq"))) {
            DeadLetterRecord d = Json.fromString(line, DeadLetterRecord.class);
            assertThat(reasons.put(d.id(), d.reason())).as(d.id()).isNull();
            assertThat(new String(d.original(), StandardCharsets.UTF_8))
                    .isEqualTo(
                            lines.stream()
                                    .filter(l -> l.contains("\"" + d.id() + "\""))
                                    .findFirst()
                                    .orElseThrow());
        }
        assertThat(reasons).isEqualTo(bad);

        Map<String, ImageTrainingRecord> training = new HashMap<>();
        for (String split : List.of("train", "validation", "test")) {
            for (String line : read(out.resolve(split))) {
                ImageTrainingRecord r = Json.fromString(line, ImageTrainingRecord.class);
                training.put(r.sourceId(), r);
            }
        }
        Map<String, String> expectedKept = new LinkedHashMap<>(good);
        expectedKept.put("flaky", "flaky");
        assertThat(training.keySet()).isEqualTo(expectedKept.keySet());
        for (ImageTrainingRecord r : training.values()) {
            assertThat(r.shape()).containsExactly(32, 32, 3);
        }
        assertThat(result.<Long>getAccumulatorResult("http.fetched")).isEqualTo(good.size() + 1L);
        assertThat(requests.get("/missing.png").get()).isEqualTo(1);
        assertThat(requests.get("/slow.png").get()).isEqualTo(2);
        assertThat(requests.get("/flaky.png").get()).isEqualTo(2);
        assertThat(requests.get("/big-declared.png").get()).isEqualTo(1);
    }

    private static String line(String id, long ts, String uri) {
        return "{\"id\":\""
                + id
                + "\",\"ts\":"
                + ts
                + ",\"label\":\"devices\",\"image\":{\"uri\":\""
                + uri
                + "\"}}";
    }

    private static List<String> read(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (!f.getFileName().toString().startsWith(".")) {
                        lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return lines;
    }
}

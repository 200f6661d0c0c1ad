package io.streamprep.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A running local stack ({@code deploy/local/stack.sh}): a Kafka broker and a Flink session
 * cluster, each a separate process, driven through the scripts as a user would.
 *
 * <p>{@link #close()} stops every process the stack started, and then kills, by process id, any of
 * them still alive (its command line must name the stack's directory, so a recycled id is never
 * hit); it never throws, so it is safe in {@code @AfterAll} and in shutdown hooks.
 */
final class LocalStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern PID = Pattern.compile("\\bpid=(\\d+)");
    private static final Pattern BOOTSTRAP = Pattern.compile("^kafka: bootstrap=(\\S+)");
    private static final Pattern REST = Pattern.compile("^flink-jobmanager: rest=(\\S+)");
    private static final Pattern KILLED_AT = Pattern.compile("\\bat_ms=(\\d+)");

    private final Path dir;
    private final Scripts scripts;
    private final String bootstrapServers;
    private final URI rest;
    private final Set<Long> pids = ConcurrentHashMap.newKeySet();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean closed;

    private LocalStack(Path dir, Scripts scripts, String bootstrapServers, URI rest) {
        this.dir = dir;
        this.scripts = scripts;
        this.bootstrapServers = bootstrapServers;
        this.rest = rest;
    }

    /**
     * Starts a broker and a cluster of {@code taskManagers} x {@code slots} on free ports, with
     * everything under {@code dir}, and prints their addresses and process ids.
     *
     * @throws Scripts.ScriptException if the stack does not come up (what did start is stopped)
     */
    static LocalStack start(Path repoRoot, Path dir, int taskManagers, int slots) {
        Scripts scripts = new Scripts(repoRoot, dir.resolve("script-logs"));
        String out;
        try {
            out =
                    scripts.run(
                            START_TIMEOUT,
                            List.of(
                                    scripts.script("stack.sh"),
                                    "--dir",
                                    dir.toString(),
                                    "start",
                                    "--kafka-port",
                                    "0",
                                    "--rest-port",
                                    "0",
                                    "--rpc-port",
                                    "0",
                                    "--taskmanagers",
                                    Integer.toString(taskManagers),
                                    "--slots",
                                    Integer.toString(slots)));
        } catch (RuntimeException e) {
            new LocalStack(dir, scripts, "", URI.create("http://127.0.0.1")).close();
            throw e;
        }
        String bootstrap = find(BOOTSTRAP, out).orElseThrow(() -> unexpected("start", out));
        String restUrl = find(REST, out).orElseThrow(() -> unexpected("start", out));
        LocalStack stack = new LocalStack(dir, scripts, bootstrap, URI.create(restUrl));
        stack.track(out);
        out.lines().forEach(line -> System.out.println("[stack] " + line));
        return stack;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Path dir() {
        return dir;
    }

    /** Submits the job jar (detached) with {@code streamprep run} arguments; returns the job id. */
    String submit(Path jobJar, Path config, List<String> settings) {
        return submit(jobJar, config, settings, null);
    }

    /** As {@link #submit(Path, Path, List)}, starting from a savepoint or retained checkpoint. */
    String submit(Path jobJar, Path config, List<String> settings, String savepoint) {
        List<String> command = stackCommand("submit");
        command.addAll(List.of("--jar", jobJar.toString(), "--config", config.toString()));
        for (String setting : settings) {
            command.addAll(List.of("--set", setting));
        }
        if (savepoint != null) {
            command.addAll(List.of("--savepoint", savepoint));
        }
        return lastLine(scripts.run(COMMAND_TIMEOUT, command));
    }

    /** Waits until the job is in {@code state} (fails early if it ends in another state). */
    void awaitState(String job, String state, Duration timeout) {
        flink(
                timeout.plusSeconds(30),
                "wait-state",
                job,
                state,
                "--timeout",
                Long.toString(timeout.toSeconds()));
    }

    /** Waits until the job entered RUNNING at or after {@code sinceMillis} and every task runs. */
    void awaitAllTasksRunning(String job, long sinceMillis, Duration timeout) {
        flink(
                timeout.plusSeconds(30),
                "wait-state",
                job,
                "RUNNING",
                "--all-tasks",
                "--since",
                Long.toString(sinceMillis),
                "--timeout",
                Long.toString(timeout.toSeconds()));
    }

    /** Kills TaskManager {@code k} with SIGKILL; returns the epoch milliseconds of the kill. */
    long killTaskManager(int k) {
        String out = flink(COMMAND_TIMEOUT, "kill-taskmanager", Integer.toString(k));
        System.out.println("[stack] " + out.strip());
        return Long.parseLong(
                find(KILLED_AT, out).orElseThrow(() -> unexpected("kill-taskmanager", out)));
    }

    /** Starts TaskManager {@code k} again and waits until it is registered. */
    void startTaskManager(int k) {
        String out = flink(COMMAND_TIMEOUT, "start-taskmanager", Integer.toString(k));
        track(out);
        System.out.println("[stack] " + out.strip());
    }

    /** Stops the job with a savepoint, without draining, and returns the savepoint's path. */
    String stopWithSavepoint(String job) {
        return lastLine(flink(COMMAND_TIMEOUT, "stop-with-savepoint", job));
    }

    /**
     * Ends the job for good: emits the final watermark (firing every event-time timer), takes a
     * savepoint, commits its transactions and returns the savepoint's path.
     */
    String drain(String job) {
        return lastLine(flink(COMMAND_TIMEOUT, "stop-with-savepoint", job, "--drain"));
    }

    void cancel(String job) {
        flink(COMMAND_TIMEOUT, "cancel", job);
    }

    /** The job's checkpoint counts and latest paths, as {@code flink.sh checkpoints} prints. */
    Map<String, String> checkpoints(String job) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : flink(COMMAND_TIMEOUT, "checkpoints", job).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    /** GET on the cluster's REST API. */
    JsonNode rest(String path) {
        HttpRequest request =
                HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<byte[]> response =
                    http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
            }
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + path, e);
        }
    }

    /** Stops the cluster and the broker; kills what is left. Idempotent, never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        trackPidFiles();
        try {
            scripts.run(COMMAND_TIMEOUT, stackCommand("stop"));
        } catch (RuntimeException e) {
            System.err.println("[stack] stop failed, killing what is left: " + e.getMessage());
        }
        for (long pid : pids) {
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(this::belongsToStack)
                    .ifPresent(
                            process -> {
                                System.err.println("[stack] killing leftover process " + pid);
                                process.destroyForcibly();
                            });
        }
    }

    /** The pid files the scripts write as they launch, covering a start that failed midway. */
    private void trackPidFiles() {
        List<Path> files = new ArrayList<>();
        files.add(dir.resolve("kafka/kafka.pid"));
        try (Stream<Path> flinkPids = Files.list(dir.resolve("flink/run"))) {
            flinkPids.filter(f -> f.toString().endsWith(".pid")).forEach(files::add);
        } catch (IOException e) {
            // No cluster folder: nothing was launched there.
        }
        for (Path file : files) {
            try {
                pids.add(Long.parseLong(Files.readString(file).strip()));
            } catch (IOException | NumberFormatException e) {
                // Gone or empty: that process was stopped or never started.
            }
        }
    }

    private boolean belongsToStack(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        String commandLine =
                info.commandLine()
                        .orElse(info.arguments().map(args -> String.join(" ", args)).orElse(""));
        return commandLine.contains(dir.toString());
    }

    private String flink(Duration timeout, String... args) {
        List<String> command = stackCommand("flink");
        command.addAll(List.of(args));
        return scripts.run(timeout, command);
    }

    private List<String> stackCommand(String command) {
        return new ArrayList<>(
                List.of(scripts.script("stack.sh"), "--dir", dir.toString(), command));
    }

    private void track(String output) {
        Matcher matcher = PID.matcher(output);
        while (matcher.find()) {
            pids.add(Long.parseLong(matcher.group(1)));
        }
    }

    private static Optional<String> find(Pattern pattern, String output) {
        for (String line : output.split("\n")) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("a script printed nothing where a value was expected");
        }
        return lines.get(lines.size() - 1).strip();
    }

    private static IllegalStateException unexpected(String command, String output) {
        return new IllegalStateException("unexpected output of " + command + ":\n" + output);
    }
}

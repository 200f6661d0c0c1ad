package io.streamprep.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the {@code deploy/local} scripts as child processes. Each call's stdout and stderr go to
 * numbered files in a log folder ({@code 007-flink-kill-taskmanager.out/.err}), kept for
 * post-mortems; a call that fails or outlives its timeout throws with the command, its exit code
 * and the end of its stderr, after killing it.
 */
final class Scripts {

    private static final int STDERR_TAIL_LINES = 25;

    private final Path repoRoot;
    private final Path logDir;
    private final AtomicInteger calls = new AtomicInteger();

    Scripts(Path repoRoot, Path logDir) {
        this.repoRoot = repoRoot;
        this.logDir = logDir;
    }

    /** The path of a script under {@code deploy/local/}. */
    String script(String name) {
        return repoRoot.resolve("deploy/local").resolve(name).toString();
    }

    /**
     * Runs a command from the repository root and returns its stdout.
     *
     * @throws ScriptException if it exits with a non-zero code or runs longer than {@code timeout}
     */
    String run(Duration timeout, List<String> command) {
        String name = String.format("%03d-%s", calls.incrementAndGet(), label(command));
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        Process process;
        try {
            Files.createDirectories(logDir);
            process =
                    new ProcessBuilder(command)
                            .directory(repoRoot.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ScriptException("interrupted: " + command, e);
        }
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new ScriptException(
                    command + " did not finish within " + timeout.toSeconds() + " s" + tail(err));
        }
        if (process.exitValue() != 0) {
            throw new ScriptException(
                    command + " failed with exit code " + process.exitValue() + tail(err));
        }
        return read(out);
    }

    private static String label(List<String> command) {
        List<String> words = new ArrayList<>();
        for (String arg : command) {
            if (words.size() == 3) {
                break;
            }
            if (!arg.startsWith("-") && !arg.contains("/") && !arg.contains("=")) {
                words.add(arg);
            } else if (arg.endsWith(".sh")) {
                words.add(Path.of(arg).getFileName().toString().replace(".sh", ""));
            }
        }
        return String.join("-", words).replaceAll("[^A-Za-z0-9-]", "_");
    }

    private static String tail(Path file) {
        List<String> lines = read(file).lines().toList();
        List<String> last =
                lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size());
        return last.isEmpty() ? "" : "; stderr (" + file + "):\n" + String.join("\n", last);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A script that failed or timed out. */
    static final class ScriptException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScriptException(String message) {
            super(message);
        }

        ScriptException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

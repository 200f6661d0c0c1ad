package io.streamprep.jobs.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent Parquet reader for round-trip tests: npm's {@code hyparquet} (pure JavaScript, no
 * code shared with the Java writer) run by Node. The test installs the pinned version into {@code
 * target/hyparquet} on first use with {@code npm install}; nothing is installed by hand.
 */
public final class Hyparquet {

    /** The pinned hyparquet version. */
    public static final String VERSION = "1.31.5";

    private static final String SCRIPT =
            """
            import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'
            for (const path of process.argv.slice(2)) {
              const file = await asyncBufferFromFile(path)
              const rows = await parquetReadObjects({ file })
              for (const row of rows) {
                process.stdout.write(JSON.stringify(row,
                    (k, v) => typeof v === 'bigint' ? Number(v) : v) + '\\n')
              }
            }
            """;

    private final Path home;

    private Hyparquet(Path home) {
        this.home = home;
    }

    /** Installs hyparquet (once per build folder) and returns a reader. */
    public static synchronized Hyparquet install() throws IOException, InterruptedException {
        Path home = Path.of("target", "hyparquet-" + VERSION).toAbsolutePath();
        Path installed = home.resolve("node_modules/hyparquet/package.json");
        if (!Files.exists(installed)) {
            Files.createDirectories(home);
            run(
                    home,
                    List.of(
                            "npm",
                            "install",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            home.toString(),
                            "hyparquet@" + VERSION));
        }
        Files.writeString(home.resolve("dump.mjs"), SCRIPT);
        return new Hyparquet(home);
    }

    /** Every row of the files as one JSON object text per row (int64 as numbers). */
    public List<String> read(List<Path> files) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("node", home.resolve("dump.mjs").toString()));
        files.forEach(f -> command.add(f.toString()));
        String out = run(home, command);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    private static String run(Path dir, List<String> command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "hyparquet", ".log");
        Path stdout = Files.createTempFile(dir, "hyparquet", ".out");
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectError(log.toFile())
                        .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 5 minutes");
        }
        String err = Files.readString(log, StandardCharsets.UTF_8);
        String out = Files.readString(stdout, StandardCharsets.UTF_8).strip();
        Files.delete(log);
        Files.delete(stdout);
        if (process.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed (" + process.exitValue() + "): " + err);
        }
        return out;
    }
}

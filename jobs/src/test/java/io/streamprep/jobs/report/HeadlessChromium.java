package io.streamprep.jobs.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real {@code chromium} in headless mode (installed by deploy/local/test-deps.sh), for
 * checking what a browser makes of a page: its DOM after parsing and a PNG screenshot.
 */
final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 90;

    private final Path profile;

    /** Uses {@code profile} as a throwaway user-data folder. */
    HeadlessChromium(Path profile) {
        this.profile = profile;
    }

    /** The page's DOM as the browser serializes it after loading. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom"));
    }

    /** A screenshot of the page in a window of the given size, at one pixel per CSS pixel. */
    void screenshot(Path page, Path png, int width, int height)
            throws IOException, InterruptedException {
        run(
                page,
                List.of(
                        "--screenshot=" + png,
                        "--window-size=" + width + "," + height,
                        "--force-device-scale-factor=1",
                        "--hide-scrollbars"));
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(Path page, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("chromium");
        command.add("--headless");
        command.add("--no-sandbox");
        command.add("--disable-gpu");
        command.add("--no-first-run");
        command.add("--user-data-dir=" + profile);
        command.addAll(args);
        command.add(page.toUri().toString());
        Path log = Files.createTempFile(profile.getParent(), "chromium", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish in " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    "chromium exited with " + process.exitValue() + ": " + Files.readString(log));
        }
        return new String(stdout, StandardCharsets.UTF_8);
    }
}

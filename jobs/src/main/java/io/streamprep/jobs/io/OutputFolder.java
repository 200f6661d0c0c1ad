package io.streamprep.jobs.io;

import io.streamprep.jobs.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local output folder. A re-run replaces the previous run's output, but only in a folder that
 * streamprep created (it holds a {@value #MARKER} file); any other non-empty folder is refused, so
 * a typo in {@code --output} cannot wipe unrelated files.
 */
public final class OutputFolder {

    static final String MARKER = ".streamprep-output";
    static final List<String> PARTS =
            List.of(
                    "train",
                    "validation",
                    "test",
                    FileSinks.DLQ,
                    FileSinks.DUPLICATES,
                    FileSinks.SAMPLED_OUT,
                    AnnotationIos.REQUESTS_FOLDER,
                    AnnotationIos.EXPIRED_FOLDER,
                    "stats.json",
                    "field-stats.json");

    private final Path root;

    public OutputFolder(String dir) {
        this.root = Paths.get(dir).toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    public Path statsFile() {
        return root.resolve("stats.json");
    }

    /**
     * Creates the folder, or clears a previous run's output from it.
     *
     * @throws ConfigException if the folder holds files streamprep did not write
     */
    public void prepare() {
        try {
            if (Files.isDirectory(root) && !Files.exists(root.resolve(MARKER))) {
                try (Stream<Path> children = Files.list(root)) {
                    if (children.findAny().isPresent()) {
                        throw new ConfigException(
                                "Output folder "
                                        + root
                                        + " is not empty and was not written by "
                                        + "streamprep; choose another --output");
                    }
                }
            }
            Files.createDirectories(root);
            for (String part : PARTS) {
                deleteRecursively(root.resolve(part));
            }
            Files.writeString(root.resolve(MARKER), "streamprep output folder\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare output folder " + root, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

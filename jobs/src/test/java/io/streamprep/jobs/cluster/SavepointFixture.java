package io.streamprep.jobs.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A savepoint of the text pipeline made by an earlier build, kept in the repository ({@code
 * jobs/src/test/resources/savepoints/text-pipeline/}) so that every later build must be able to
 * resume from it: same operator uids, compatible state types, same max parallelism.
 *
 * <p>Next to the savepoint files, {@value #PROPERTIES} records the input it was taken on (a {@link
 * ClusterInput} topic, partition count and WordNet record count, so the input can be recreated byte
 * for byte), the source offset of every partition at the savepoint, and which build made it. The
 * savepoint was taken with AT_LEAST_ONCE Kafka sinks, so it holds no Kafka transactions, which
 * would tie it to the broker it was made on.
 *
 * @param dir the fixture folder
 * @param topic the input topic name
 * @param partitions its partition count
 * @param wordNetRecords the WordNet record count of the {@link ClusterInput}
 * @param offsets the source's next offset in each partition when the savepoint was taken
 * @param createdBy the job jar and Flink version that made it, and when
 */
record SavepointFixture(
        Path dir,
        String topic,
        int partitions,
        int wordNetRecords,
        long[] offsets,
        String createdBy) {

    static final String PROPERTIES = "fixture.properties";

    /** The fixture folder in the source tree. */
    static Path sourceDir(Path repoRoot) {
        return repoRoot.resolve("jobs/src/test/resources/savepoints/text-pipeline");
    }

    /** Reads the fixture in {@code dir}. */
    static SavepointFixture load(Path dir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve(PROPERTIES))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("no savepoint fixture in " + dir, e);
        }
        String[] parts = properties.getProperty("offsets").split(",");
        long[] offsets = new long[parts.length];
        for (int p = 0; p < parts.length; p++) {
            offsets[p] = Long.parseLong(parts[p].strip());
        }
        return new SavepointFixture(
                dir,
                properties.getProperty("topic"),
                Integer.parseInt(properties.getProperty("partitions")),
                Integer.parseInt(properties.getProperty("wordnet-records")),
                offsets,
                properties.getProperty("created-by"));
    }

    /** Replaces the fixture in {@code dir} with a copy of {@code savepoint} and its description. */
    static void write(
            Path dir,
            String savepoint,
            ClusterInput input,
            int wordNetRecords,
            long[] offsets,
            String createdBy) {
        Path source = Path.of(URI.create(savepoint));
        try {
            deleteRecursively(dir);
            copyRecursively(source, dir);
            Properties properties = new Properties();
            properties.setProperty("topic", input.topic());
            properties.setProperty("partitions", Integer.toString(input.partitions()));
            properties.setProperty("wordnet-records", Integer.toString(wordNetRecords));
            StringBuilder list = new StringBuilder();
            for (long offset : offsets) {
                list.append(list.isEmpty() ? "" : ",").append(offset);
            }
            properties.setProperty("offsets", list.toString());
            properties.setProperty("created-by", createdBy);
            try (Writer writer = Files.newBufferedWriter(dir.resolve(PROPERTIES))) {
                properties.store(
                        writer,
                        "Savepoint fixture: regenerate with -D"
                                + SavepointUpgradeITCase.REGENERATE_PROPERTY
                                + "=true (see SavepointUpgradeITCase)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the savepoint fixture to " + dir, e);
        }
    }

    /** Copies the savepoint files (not the description) into {@code target}; returns its URI. */
    String copySavepointTo(Path target) {
        try {
            copyRecursively(dir, target);
            Files.delete(target.resolve(PROPERTIES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.toUri().toString();
    }

    /** Whether a line was read by the job that made the savepoint. */
    boolean before(ClusterInput.Line line) {
        return line.offset() < offsets[line.partition()];
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : all) {
                Files.delete(file);
            }
        }
    }
}

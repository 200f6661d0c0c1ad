package io.streamprep.jobs.augment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The committed lines of a file run's output folders. */
final class TrainingOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrainingOutput() {}

    /** Training records of all three splits. */
    static List<JsonNode> records(Path out) {
        List<JsonNode> records = new ArrayList<>();
        for (String split : List.of("train", "validation", "test")) {
            for (String line : lines(out.resolve(split))) {
                try {
                    records.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return records;
    }

    /** Lines of the committed part files of a folder (none if it does not exist). */
    static List<String> lines(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> lines = new ArrayList<>();
            for (Path p :
                    files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(p));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a record's augmentations contain the operation. */
    static boolean hasOperation(JsonNode record, String op) {
        for (JsonNode o : record.path("augmentations")) {
            if (o.path("op").asText().equals(op)) {
                return true;
            }
        }
        return false;
    }
}

package io.streamprep.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.schemas.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sample of a run's training records read from its output folder ({@code train/}, {@code
 * validation/}, {@code test/} part files): the normalized text length and the real (non-padding)
 * token count of each record.
 *
 * <p>Reads committed part files only (hidden in-progress files are skipped), in name order, and
 * stops after {@code limit} records, so the sample of a folder is always the same. Lines that are
 * not training records are skipped and counted in {@link #skipped()}.
 *
 * @param textLengths characters (code points) of each sampled record's text; empty if the run did
 *     not write texts
 * @param tokenCounts real tokens of each sampled record
 * @param skipped lines that could not be read as training records
 */
public record OutputSample(List<Integer> textLengths, List<Integer> tokenCounts, long skipped) {

    static final List<String> SPLITS = List.of("train", "validation", "test");

    /** Reads up to {@code limit} training records from the output folder. */
    public static OutputSample read(Path outputDir, int limit) {
        List<Integer> lengths = new ArrayList<>();
        List<Integer> tokens = new ArrayList<>();
        long skipped = 0;
        for (Path file : partFiles(outputDir)) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while (tokens.size() < limit && (line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode record;
                    try {
                        record = Json.MAPPER.readTree(line);
                    } catch (IOException e) {
                        skipped++;
                        continue;
                    }
                    JsonNode ids = record.get("input_ids");
                    if (ids == null || !ids.isArray()) {
                        skipped++;
                        continue;
                    }
                    tokens.add(realTokens(record));
                    JsonNode text = record.get("text");
                    if (text != null && text.isTextual()) {
                        lengths.add(text.asText().codePointCount(0, text.asText().length()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return new OutputSample(List.copyOf(lengths), List.copyOf(tokens), skipped);
    }

    private static int realTokens(JsonNode record) {
        JsonNode mask = record.get("attention_mask");
        if (mask == null || !mask.isArray()) {
            return record.get("input_ids").size();
        }
        int n = 0;
        for (JsonNode m : mask) {
            n += m.asInt() == 1 ? 1 : 0;
        }
        return n;
    }

    private static List<Path> partFiles(Path outputDir) {
        List<Path> files = new ArrayList<>();
        for (String split : SPLITS) {
            Path dir = outputDir.resolve(split);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        return files;
    }
}

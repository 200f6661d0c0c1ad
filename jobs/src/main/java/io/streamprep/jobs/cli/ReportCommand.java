package io.streamprep.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.jobs.report.DataReport;
import io.streamprep.jobs.report.OutputSample;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamprep report}: one self-contained HTML page about a run's data. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a self-contained HTML data report (inline SVG charts, works offline) from a"
                    + " run's stats.json and, optionally, a sample of its output folder.",
            ""
        },
        footer = {
            "",
            "Example:",
            "  bin/streamprep report --stats out/stats.json --output-dir out --out report.html"
        })
final class ReportCommand implements Callable<Integer> {

    @Option(
            names = "--stats",
            required = true,
            paramLabel = "FILE",
            description = "The run's stats.json.")
    Path stats;

    @Option(
            names = "--output-dir",
            paramLabel = "DIR",
            description =
                    "The run's output folder: text-length and token-count histograms from a"
                            + " sample of its training records.")
    Path outputDir;

    @Option(
            names = "--sample",
            paramLabel = "N",
            defaultValue = "20000",
            description =
                    "Training records to sample from --output-dir (default: ${DEFAULT-VALUE}).")
    int sampleSize;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "HTML file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(stats)) {
            System.err.println("streamprep: stats file not found: " + stats);
            return StreamprepCli.USAGE;
        }
        if (outputDir != null && !Files.isDirectory(outputDir)) {
            System.err.println("streamprep: output folder not found: " + outputDir);
            return StreamprepCli.USAGE;
        }
        if (sampleSize <= 0) {
            System.err.println("streamprep: --sample must be positive");
            return StreamprepCli.USAGE;
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(stats.toFile());
        } catch (IOException e) {
            System.err.println("streamprep: " + stats + " is not valid JSON: " + e.getMessage());
            return StreamprepCli.USAGE;
        }
        if (tree == null || !tree.isObject()) {
            System.err.println("streamprep: " + stats + " does not hold a JSON object");
            return StreamprepCli.USAGE;
        }
        Optional<OutputSample> sample =
                outputDir == null
                        ? Optional.empty()
                        : Optional.of(OutputSample.read(outputDir, sampleSize));
        String source =
                "stats: "
                        + stats.toAbsolutePath()
                        + (outputDir == null ? "" : " · sample of " + outputDir.toAbsolutePath());
        String html = DataReport.render(tree, sample, source);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, html, StandardCharsets.UTF_8);
        System.out.println("streamprep: report written to " + out.toAbsolutePath());
        return 0;
    }
}

package io.streamprep.jobs.cli;

import io.streamprep.jobs.corpus.CorpusSummary;
import io.streamprep.jobs.corpus.WordNetCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamprep corpus}: writes real labelled corpora as pipeline input. */
@Command(
        name = "corpus",
        mixinStandardHelpOptions = true,
        description = "Write a real labelled corpus as JSONL pipeline input.",
        subcommands = {CorpusCommand.WordNet.class})
final class CorpusCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** WordNet 3.1 definitions labelled by lexicographer file. */
    @Command(
            name = "wordnet",
            mixinStandardHelpOptions = true,
            description = {
                "WordNet 3.1 synset definitions (117,791), labelled by lexicographer file (45"
                        + " classes, very imbalanced), with deterministic ids and event times.",
                "Prints the matching labels.list for the run."
            })
    static final class WordNet implements Callable<Integer> {

        @Option(
                names = "--output",
                required = true,
                paramLabel = "FILE",
                description = "JSONL file to write.")
        Path output;

        @Option(names = "--limit", paramLabel = "N", description = "At most N records.")
        Long limit;

        @Option(
                names = "--labels",
                split = ",",
                paramLabel = "LABEL",
                description =
                        "Only these lexicographer files (comma-separated), e.g. noun.animal,verb.motion.")
        List<String> labels = new ArrayList<>();

        @Option(
                names = "--examples",
                description = "Append WordNet's quoted usage examples to the text.")
        boolean examples;

        @Override
        public Integer call() throws Exception {
            WordNetCorpus.Options options = WordNetCorpus.Options.all().withExamples(examples);
            if (limit != null) {
                options = options.withLimit(limit);
            }
            if (!labels.isEmpty()) {
                options = options.withLabels(labels);
            }
            CorpusSummary summary;
            try {
                summary = WordNetCorpus.write(output, options);
            } catch (IllegalArgumentException e) {
                System.err.println("streamprep: " + e.getMessage());
                return StreamprepCli.USAGE;
            }
            System.out.printf(
                    Locale.ROOT,
                    "wrote %,d records to %s (%,d repeat an earlier text)%n",
                    summary.records(),
                    output,
                    summary.duplicateTexts());
            List<String> present = new ArrayList<>();
            summary.countsByLabel()
                    .forEach(
                            (label, n) -> {
                                if (n > 0) {
                                    present.add(label);
                                }
                            });
            System.out.println("labels.list: [" + String.join(", ", present) + "]");
            System.out.println(
                    "run it: bin/streamprep run --input "
                            + output
                            + " --set labels.list='"
                            + String.join(";", present)
                            + "'");
            return 0;
        }
    }
}

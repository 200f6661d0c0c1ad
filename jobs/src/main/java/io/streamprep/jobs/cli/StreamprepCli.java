package io.streamprep.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bin/streamprep} command line. Exit codes: 0 success, 1 job failure, 2 usage or config
 * error.
 */
@Command(
        name = "streamprep",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Turns raw text records into tokenized, split, training-ready records on Apache Flink.",
        subcommands = {
            RunCommand.class,
            BackfillCommand.class,
            CorpusCommand.class,
            BenchCommand.class,
            OptionsCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class StreamprepCli implements Runnable {

    /** Exit code for bad arguments or configuration. */
    static final int USAGE = 2;

    /** Exit code for a job that failed. */
    static final int FAILED = 1;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new StreamprepCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

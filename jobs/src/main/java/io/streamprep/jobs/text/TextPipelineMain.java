package io.streamprep.jobs.text;

import io.streamprep.jobs.cli.StreamprepCli;
import java.util.Arrays;

/**
 * Entry point of the job jar on a Flink cluster ({@code flink run} / REST {@code /jars/run}): the
 * arguments of {@code streamprep run}, always detached. Unlike the CLI it never calls {@code
 * System.exit}, which would take down the JobManager that runs it; a bad configuration throws
 * instead, so the submission fails with the message.
 */
public final class TextPipelineMain {

    private TextPipelineMain() {}

    public static void main(String[] args) {
        String[] runArgs = new String[args.length + 2];
        runArgs[0] = "run";
        runArgs[1] = "--detached";
        System.arraycopy(args, 0, runArgs, 2, args.length);
        int code = StreamprepCli.execute(runArgs);
        if (code != 0) {
            throw new IllegalArgumentException(
                    "streamprep run "
                            + String.join(" ", Arrays.asList(args))
                            + " failed with exit code "
                            + code
                            + "; see the messages above");
        }
    }
}

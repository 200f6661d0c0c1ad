package io.streamprep.jobs.cli;

import picocli.CommandLine;

/** Reports the jar's version and the Flink version it was built for. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = StreamprepCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "streamprep " + (version == null ? "(development build)" : version),
            "Flink " + org.apache.flink.runtime.util.EnvironmentInformation.getVersion()
        };
    }
}

package io.streamprep.jobs.cluster;

import io.streamprep.jobs.testing.ExternalKafkaEnvironment;
import io.streamprep.jobs.testing.KafkaTestEnvironment;
import io.streamprep.jobs.testing.SampleData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalStack} per test class, in its own folder under {@code jobs/target/cluster-its/},
 * with a {@link KafkaTestEnvironment} on its broker and the job jar of this build.
 *
 * <pre>{@code
 * @RegisterExtension static final LocalStackExtension STACK = new LocalStackExtension(2, 2);
 * }</pre>
 *
 * <p>It fails before starting anything if the shaded job jar is missing (failsafe runs after {@code
 * package}, which builds it). The stack is stopped after the last test of the class, and by a JVM
 * shutdown hook if the JVM ends first, so no broker or Flink process outlives the tests.
 */
public final class LocalStackExtension implements BeforeAllCallback, AfterAllCallback {

    private final int taskManagers;
    private final int slots;
    private Path jobJar;
    private LocalStack stack;
    private ExternalKafkaEnvironment kafka;
    private Thread shutdownHook;

    public LocalStackExtension(int taskManagers, int slots) {
        this.taskManagers = taskManagers;
        this.slots = slots;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path repoRoot = SampleData.repoRoot();
        jobJar = findJobJar(repoRoot);
        Path dir =
                repoRoot.resolve("jobs/target/cluster-its")
                        .resolve(
                                context.getRequiredTestClass().getSimpleName()
                                        + "-"
                                        + System.currentTimeMillis());
        Files.createDirectories(dir);
        shutdownHook = new Thread(this::stop, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        stack = LocalStack.start(repoRoot, dir, taskManagers, slots);
        kafka = new ExternalKafkaEnvironment(stack.bootstrapServers(), "kafka.sh broker process");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    public LocalStack stack() {
        return stack;
    }

    public KafkaTestEnvironment kafka() {
        return kafka;
    }

    /** The shaded job jar of this build. */
    public Path jobJar() {
        return jobJar;
    }

    private synchronized void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static Path findJobJar(Path repoRoot) {
        Path target = repoRoot.resolve("jobs/target");
        List<Path> jars;
        try (Stream<Path> files = Files.list(target)) {
            jars =
                    files.filter(
                                    f -> {
                                        String name = f.getFileName().toString();
                                        return name.startsWith("streamprep-jobs-")
                                                && name.endsWith("-job.jar");
                                    })
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException(
                    "Expected exactly one shaded job jar jobs/target/streamprep-jobs-*-job.jar, found "
                            + jars
                            + ". It is built in the package phase, before failsafe runs: use"
                            + " 'mvn verify' (or 'mvn -pl jobs -am verify'), not 'mvn"
                            + " failsafe:integration-test' alone.");
        }
        return jars.get(0);
    }
}

package io.streamprep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.jobs.testing.SampleData;
import io.streamprep.schemas.config.AllOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's configuration reference is what {@code streamprep options --markdown} prints. */
class ReadmeOptionsTest {

    @Test
    void readmeListsEveryOptionExactlyAsGenerated() throws Exception {
        String readme = Files.readString(SampleData.repoRoot().resolve("README.md"));
        String begin = "<!-- options:begin (bin/streamprep options --markdown) -->\n";
        String end = "<!-- options:end -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertThat(from).as("options markers in README.md").isNotNegative();
        String documented = readme.substring(from + begin.length(), to).strip();

        PrintStream original = System.out;
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        System.setOut(new PrintStream(generated, true, StandardCharsets.UTF_8));
        try {
            assertThat(StreamprepCli.execute("options", "--markdown")).isZero();
        } finally {
            System.setOut(original);
        }

        for (String key : AllOptions.byKey().keySet()) {
            assertThat(documented).contains("| `" + key + "` |");
        }
        assertThat(documented)
                .as("README.md is stale: paste the output of 'bin/streamprep options --markdown'")
                .isEqualTo(generated.toString(StandardCharsets.UTF_8).strip());
    }
}

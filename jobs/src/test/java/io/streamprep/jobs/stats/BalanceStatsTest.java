package io.streamprep.jobs.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.schemas.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceStatsTest {

    private static final Map<String, Object> ACCUMULATORS =
            Map.of(
                    "in.records", 10L,
                    "balance.in.big", 8L,
                    "balance.in.small", 2L,
                    "balance.out.big", 4L,
                    "balance.out.small", 2L,
                    "balance.extra.small", 2L,
                    "balance.sampled_out.big", 4L,
                    "balance.passed", 1L);

    @Test
    void beforeAndAfterDistributionsComeFromTheAccumulators() throws Exception {
        RunStats stats = RunStats.fromAccumulators(ACCUMULATORS, 1000);

        BalanceStats b = stats.balance();
        assertThat(b.in()).isEqualTo(Map.of("big", 8L, "small", 2L));
        assertThat(b.out()).isEqualTo(Map.of("big", 4L, "small", 4L));
        assertThat(b.sampledOutTotal()).isEqualTo(4);
        assertThat(b.passed()).isEqualTo(1);
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(stats));
        assertThat(json.at("/balance/out/small").asLong()).isEqualTo(4);
        assertThat(json.at("/balance/extra_variants/small").asLong()).isEqualTo(2);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryPrinter.print(stats, "out", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String summary = bytes.toString(StandardCharsets.UTF_8);
        assertThat(summary)
                .contains("class balance: 10 labelled records in, 8 out")
                .containsPattern("big\\s+8\\s+80\\.00%\\s+4\\s+0\\s+4\\s+50\\.00%")
                .containsPattern("small\\s+2\\s+20\\.00%\\s+2\\s+2\\s+4\\s+50\\.00%");
    }

    @Test
    void runsWithoutBalancingHaveNoBalanceSection() throws Exception {
        RunStats stats = RunStats.fromAccumulators(Map.of("in.records", 3L), 10);

        assertThat(stats.balance()).isNull();
        assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(stats)).has("balance"))
                .isFalse();
    }
}

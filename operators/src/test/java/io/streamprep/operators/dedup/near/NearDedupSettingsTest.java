package io.streamprep.operators.dedup.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.NearDedupOptions;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class NearDedupSettingsTest {

    @Test
    void defaultsPickTheBandingFromTheThreshold() {
        NearDedupSettings settings = NearDedupSettings.fromConfig(new Configuration(), 42);
        assertThat(settings.model().banding()).isEqualTo(new LshBanding(12, 10));
        assertThat(settings.model().shingler().size()).isEqualTo(5);
        assertThat(settings.window()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.mode()).isEqualTo(NearDedupOptions.Mode.DROP);
    }

    @Test
    void explicitBandsAndRowsAreUsed() {
        Configuration config = new Configuration();
        config.set(NearDedupOptions.BANDS, 16);
        config.set(NearDedupOptions.ROWS, 8);
        assertThat(NearDedupSettings.fromConfig(config, 42).model().banding())
                .isEqualTo(new LshBanding(16, 8));
    }

    @Test
    void badCombinationsFailNamingTheOption() {
        Configuration onlyBands = new Configuration();
        onlyBands.set(NearDedupOptions.BANDS, 16);
        assertThatThrownBy(() -> NearDedupSettings.fromConfig(onlyBands, 42))
                .hasMessageContaining("dedup.near.rows");

        Configuration tooMany = new Configuration();
        tooMany.set(NearDedupOptions.BANDS, 20);
        tooMany.set(NearDedupOptions.ROWS, 10);
        assertThatThrownBy(() -> NearDedupSettings.fromConfig(tooMany, 42))
                .hasMessageContaining("dedup.near.num-perm");

        Configuration threshold = new Configuration();
        threshold.set(NearDedupOptions.THRESHOLD, 1.5);
        assertThatThrownBy(() -> NearDedupSettings.fromConfig(threshold, 42))
                .hasMessageContaining("dedup.near.threshold");

        Configuration perm = new Configuration();
        perm.set(NearDedupOptions.NUM_PERM, 0);
        assertThatThrownBy(() -> NearDedupSettings.fromConfig(perm, 42))
                .hasMessageContaining("dedup.near.num-perm");

        Configuration shingle = new Configuration();
        shingle.set(NearDedupOptions.SHINGLE_SIZE, 0);
        assertThatThrownBy(() -> NearDedupSettings.fromConfig(shingle, 42))
                .hasMessageContaining("dedup.near.shingle-size");
    }
}

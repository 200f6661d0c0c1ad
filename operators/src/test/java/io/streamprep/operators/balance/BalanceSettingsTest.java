package io.streamprep.operators.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.BalanceOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class BalanceSettingsTest {

    @Test
    void defaultsAreTumblingHourlyUniform() {
        BalanceSettings s = BalanceSettings.fromConfig(new Configuration());

        assertThat(s.horizonMs()).isEqualTo(3_600_000L);
        assertThat(s.slideMs()).isEqualTo(3_600_000L);
        assertThat(s.panesPerHorizon()).isEqualTo(1);
        assertThat(s.weights()).isEmpty();
        assertThat(s.maxFactor()).isEqualTo(4.0);
        assertThat(s.keepInputSize()).isTrue();
        assertThat(s.balances("any")).isTrue();
        assertThat(s.balances(null)).isFalse();
    }

    @Test
    void weightsAreParsedAndOnlyWeightedLabelsAreBalanced() {
        Configuration c = new Configuration();
        c.set(BalanceOptions.WEIGHTS, List.of("spam:1", "ham: 3.5", "a:b:2"));
        BalanceSettings s = BalanceSettings.fromConfig(c);

        assertThat(s.weights()).isEqualTo(Map.of("spam", 1.0, "ham", 3.5, "a:b", 2.0));
        assertThat(s.balances("ham")).isTrue();
        assertThat(s.balances("other")).isFalse();
    }

    @Test
    void panesFollowTheSlide() {
        Configuration c = new Configuration();
        c.set(BalanceOptions.HORIZON, Duration.ofMillis(300));
        c.set(BalanceOptions.SLIDE, Duration.ofMillis(100));
        BalanceSettings s = BalanceSettings.fromConfig(c);

        assertThat(s.panesPerHorizon()).isEqualTo(3);
        assertThat(s.paneEnd(0)).isEqualTo(100);
        assertThat(s.paneEnd(99)).isEqualTo(100);
        assertThat(s.paneEnd(100)).isEqualTo(200);
        assertThat(s.paneEnd(-1)).isZero();
    }

    @Test
    void badValuesAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> settingsWith(c -> c.set(BalanceOptions.WEIGHTS, List.of("x"))))
                .hasMessageContaining("balance.weights")
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> settingsWith(c -> c.set(BalanceOptions.WEIGHTS, List.of("x:-1"))))
                .hasMessageContaining("balance.weights");
        assertThatThrownBy(
                        () ->
                                settingsWith(
                                        c -> c.set(BalanceOptions.WEIGHTS, List.of("x:1", "x:2"))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> settingsWith(c -> c.set(BalanceOptions.MAX_FACTOR, 0.5)))
                .hasMessageContaining("balance.max-factor");
        assertThatThrownBy(() -> settingsWith(c -> c.set(BalanceOptions.TOLERANCE, 1.0)))
                .hasMessageContaining("balance.tolerance");
        assertThatThrownBy(
                        () ->
                                settingsWith(
                                        c -> {
                                            c.set(BalanceOptions.HORIZON, Duration.ofMinutes(10));
                                            c.set(BalanceOptions.SLIDE, Duration.ofMinutes(3));
                                        }))
                .hasMessageContaining("balance.slide");
    }

    private static BalanceSettings settingsWith(java.util.function.Consumer<Configuration> set) {
        Configuration c = new Configuration();
        set.accept(c);
        return BalanceSettings.fromConfig(c);
    }
}

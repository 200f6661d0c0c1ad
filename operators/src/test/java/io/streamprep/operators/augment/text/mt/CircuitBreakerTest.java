package io.streamprep.operators.augment.text.mt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    @Test
    void opensAfterConsecutiveFailuresThenLetsOneTrialThroughAfterTheCooldown() {
        CircuitBreaker breaker = new CircuitBreaker(3, 100);
        breaker.onFailure(0);
        breaker.onFailure(1);
        assertThat(breaker.allow(2)).isTrue();
        breaker.onFailure(2);
        assertThat(breaker.isOpen(3)).isTrue();
        assertThat(breaker.allow(50)).isFalse();
        assertThat(breaker.allow(102)).isTrue(); // the trial
        assertThat(breaker.allow(103)).isFalse(); // only one trial at a time
        breaker.onFailure(110); // trial failed: open again
        assertThat(breaker.allow(150)).isFalse();
        assertThat(breaker.allow(210)).isTrue();
        breaker.onSuccess(); // trial succeeded: closed
        assertThat(breaker.isOpen(211)).isFalse();
        assertThat(breaker.allow(211)).isTrue();
        assertThat(breaker.allow(212)).isTrue();
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, 100);
        breaker.onFailure(0);
        breaker.onSuccess();
        breaker.onFailure(1);
        assertThat(breaker.allow(2)).isTrue();
        assertThat(breaker.isOpen(2)).isFalse();
    }
}

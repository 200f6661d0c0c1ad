package io.streamprep.jobs.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WriteRateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** A clock that only moves when a writer sleeps, or when the test lets time pass. */
    private static final class FakeTime {
        long now = 1_000 * SECOND;
        final List<Long> sleeps = new ArrayList<>();

        WriteRateLimiter limiter(long bytesPerSecond) {
            return new WriteRateLimiter(
                    bytesPerSecond,
                    () -> now,
                    nanos -> {
                        sleeps.add(nanos);
                        now += nanos;
                    });
        }
    }

    @Test
    void aWriterIsPacedToTheRate() throws Exception {
        FakeTime time = new FakeTime();
        WriteRateLimiter limiter = time.limiter(1_000);
        long start = time.now;

        for (int i = 0; i < 10; i++) {
            limiter.charge(250);
        }

        assertThat(time.now - start).isEqualTo(10 * 250 * SECOND / 1_000);
        assertThat(time.sleeps).containsOnly(SECOND / 4);
        assertThat(limiter.bytesCharged()).isEqualTo(2_500);
    }

    @Test
    void writersShareOneBudget() throws Exception {
        FakeTime time = new FakeTime();
        WriteRateLimiter limiter = time.limiter(1_000);
        long now = time.now;
        limiter.charge(500);
        // A second writer charges at the same instant as the first: it waits for both.
        time.now = now;
        limiter.charge(500);

        assertThat(time.sleeps).containsExactly(SECOND / 2, SECOND);
    }

    @Test
    void idleTimeIsNotSavedUpForABurst() throws Exception {
        FakeTime time = new FakeTime();
        WriteRateLimiter limiter = time.limiter(1_000);
        limiter.charge(100);
        time.now += 60 * SECOND;

        limiter.charge(1_000);

        assertThat(time.sleeps).containsExactly(SECOND / 10, SECOND);
    }

    @Test
    void aWriterThatIsAheadOnlyWaitsForTheRest() throws Exception {
        FakeTime time = new FakeTime();
        WriteRateLimiter limiter = time.limiter(1_000);
        limiter.charge(1_000);
        // The writer took half a second more to produce its next bytes than the rate needs.
        time.now += SECOND / 2;

        limiter.charge(1_000);

        assertThat(time.sleeps).containsExactly(SECOND, SECOND);
    }

    @Test
    void nothingToChargeNeverWaits() throws Exception {
        FakeTime time = new FakeTime();
        WriteRateLimiter limiter = time.limiter(1_000);

        limiter.charge(0);

        assertThat(time.sleeps).isEmpty();
        assertThat(limiter.bytesCharged()).isZero();
    }

    @Test
    void anInterruptedWriterFailsWithItsFlagSet() {
        WriteRateLimiter limiter =
                new WriteRateLimiter(
                        1_000,
                        System::nanoTime,
                        nanos -> {
                            throw new InterruptedException("checkpoint aborted");
                        });
        try {
            assertThatThrownBy(() -> limiter.charge(10))
                    .isInstanceOf(InterruptedIOException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theRateMustBePositive() {
        assertThatThrownBy(() -> new WriteRateLimiter(0, System::nanoTime, nanos -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void oneLimiterPerRateAndProcess() {
        assertThat(WriteRateLimiter.shared(123_456)).isSameAs(WriteRateLimiter.shared(123_456));
        assertThat(WriteRateLimiter.shared(123_456)).isNotSameAs(WriteRateLimiter.shared(654_321));
    }
}

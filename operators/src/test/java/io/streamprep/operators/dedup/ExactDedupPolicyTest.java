package io.streamprep.operators.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExactDedupPolicyTest {

    private final ExactDedupPolicy policy = new ExactDedupPolicy(Duration.ofSeconds(10));

    @Test
    void inOrderDuplicateIsWithinTheWindowInclusive() {
        KeptRecord kept = new KeptRecord(1_000, "a");
        assertThat(policy.isDuplicate(null, 1_000)).isFalse();
        assertThat(policy.isDuplicate(kept, 1_000)).isTrue();
        assertThat(policy.isDuplicate(kept, 11_000)).isTrue();
        assertThat(policy.isDuplicate(kept, 11_001)).isFalse();
    }

    @Test
    void lateDuplicateLooksBothWays() {
        KeptRecord kept = new KeptRecord(20_000, "a");
        assertThat(policy.isLateDuplicate(kept, 10_000)).isTrue();
        assertThat(policy.isLateDuplicate(kept, 9_999)).isFalse();
        assertThat(policy.isLateDuplicate(null, 10_000)).isFalse();
    }

    @Test
    void expiryIsOneWindowAfterTheKeptRecord() {
        assertThat(policy.expiry(new KeptRecord(5, "a"))).isEqualTo(10_005);
        assertThat(policy.windowMillis()).isEqualTo(10_000);
    }

    @Test
    void rejectsNegativeWindows() {
        assertThatThrownBy(() -> new ExactDedupPolicy(Duration.ofMillis(-1)))
                .hasMessageContaining("dedup.exact.window");
    }

    @Test
    void stateTypeIsAPojo() {
        org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo(KeptRecord.class);
    }
}

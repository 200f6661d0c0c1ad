package io.streamprep.operators.balance;

import java.time.Duration;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;

/** The safety-net TTL shared by the balancing operators' keyed state. */
final class BalanceState {

    private BalanceState() {}

    static <T extends StateDescriptor<?, ?>> T withTtl(T descriptor, Duration ttl) {
        if (ttl != null) {
            descriptor.enableTimeToLive(
                    StateTtlConfig.newBuilder(ttl)
                            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                            .build());
        }
        return descriptor;
    }
}

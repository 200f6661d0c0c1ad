package io.streamprep.operators.common;

import java.time.Duration;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * The time-to-live of keyed state that event-time timers already clean up: a safety net against
 * state that a bug or a lost timer would otherwise keep forever, not the cleanup mechanism itself.
 *
 * <p>Expired values are never returned, are left out of full snapshots (every heap-backend
 * snapshot, and savepoints) and are dropped by RocksDB compactions. There is deliberately no
 * incremental cleanup: it visits state entries on every state access, and for map state each entry
 * is a whole map, so an operator that keeps its index under one key (near dedup) paid a scan of the
 * whole index per record; in the exact-dedup stage it cost about a quarter of the stage's CPU
 * (BENCHMARKS.md, issue 8).
 */
public final class SafetyNetTtl {

    private static final long COMPACTION_QUERY_EVERY = 1000;

    private SafetyNetTtl() {}

    /** The TTL configuration for values written {@code ttl} ago (reads do not extend it). */
    public static StateTtlConfig of(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .disableCleanupInBackground()
                .cleanupFullSnapshot()
                .cleanupInRocksdbCompactFilter(COMPACTION_QUERY_EVERY)
                .build();
    }

    /** Enables {@link #of} on the descriptor unless {@code ttl} is {@code null}; returns it. */
    public static <T extends StateDescriptor<?, ?>> T apply(T descriptor, Duration ttl) {
        if (ttl != null) {
            descriptor.enableTimeToLive(of(ttl));
        }
        return descriptor;
    }
}

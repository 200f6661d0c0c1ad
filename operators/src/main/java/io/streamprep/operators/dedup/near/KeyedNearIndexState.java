package io.streamprep.operators.dedup.near;

import io.streamprep.operators.common.SafetyNetTtl;
import io.streamprep.schemas.serde.BulkStringSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * The index in keyed state for STREAMING execution: one state entry per event time (its
 * representatives by id) and, where the band keys live in state, one per LSH band key (the event
 * times of its representatives, a {@code long[]}).
 *
 * <p>Why not one key: the heap backend snapshots copy-on-write per state entry, so an index kept as
 * maps under a single key is copied whole on its first access after every checkpoint, which made
 * garbage collection and snapshots most of the pipeline's CPU. Switching keys needs the operator to
 * own every key group, so the index runs with parallelism 1.
 *
 * <p><b>Band keys in memory or in state.</b> The band entries are derived data: each follows from a
 * representative's signature. On the heap backend, where all state is on the heap anyway, they are
 * kept in a primitive {@link LongPairSet} that is not checkpointed and is rebuilt from the
 * representatives when the operator opens after a restore. That removes twelve of every
 * representative's thirteen state entries: their copy-on-write copies after each checkpoint, their
 * share of every snapshot (about half of it), and a state access per band key on every lookup. On
 * other backends (RocksDB), whose point is state larger than the heap, they stay in keyed state.
 * Either way a restore reconciles what the snapshot holds: band entries written by an earlier
 * version or another backend are dropped on the heap backend, and missing ones are rebuilt in state
 * on the others.
 *
 * <p>Band entries of representatives that the safety-net TTL removed (only if event time stalls for
 * longer than the TTL) stay in memory until a lookup meets them or the next restore.
 */
final class KeyedNearIndexState implements NearIndexState {

    static final String PENDING = "near-pending";
    static final String MEMBERS = "near-members";
    static final String BANDS = "near-bands";

    private static final long[] NONE = new long[0];

    private final KeyContext keys;
    private final InternalTimerService<VoidNamespace> timers;
    private final ListState<NearProbe> pending;
    private final MapState<String, NearMember> members;

    /** The band entries when they live in state, else {@code null}. */
    private final ValueState<long[]> bands;

    /** The band entries when they live in memory, else {@code null}. */
    private final LongPairSet memoryBands;

    /**
     * Registers the state and reconciles the band entries with the (possibly restored)
     * representatives.
     *
     * @param bandsInMemory whether band entries are kept in memory (heap backend) or in state
     */
    KeyedNearIndexState(
            KeyContext keys,
            KeyedStateBackend<Long> backend,
            RuntimeContext context,
            InternalTimerService<VoidNamespace> timers,
            Duration stateTtl,
            NearDuplicateModel model,
            boolean bandsInMemory)
            throws Exception {
        this.keys = keys;
        this.timers = timers;
        ListStateDescriptor<NearProbe> pendingDescriptor =
                new ListStateDescriptor<>(PENDING, TypeInformation.of(NearProbe.class));
        MapStateDescriptor<String, NearMember> membersDescriptor =
                new MapStateDescriptor<>(
                        MEMBERS, BulkStringSerializer.INSTANCE, new NearMemberSerializer());
        SafetyNetTtl.apply(pendingDescriptor, stateTtl);
        SafetyNetTtl.apply(membersDescriptor, stateTtl);
        this.pending = context.getListState(pendingDescriptor);
        this.members = context.getMapState(membersDescriptor);

        boolean bandsRestored = hasKeys(backend, BANDS);
        ValueState<long[]> bandState =
                bandsRestored || !bandsInMemory
                        ? context.getState(bandsDescriptor(stateTtl))
                        : null;
        if (bandsInMemory) {
            this.bands = null;
            this.memoryBands = new LongPairSet();
            if (bandsRestored) {
                for (long key : keysOf(backend, BANDS)) {
                    at(key);
                    bandState.clear();
                }
            }
            rebuildBands(backend, model);
        } else {
            this.bands = bandState;
            this.memoryBands = null;
            if (!bandsRestored) {
                rebuildBands(backend, model);
            }
        }
    }

    private static ValueStateDescriptor<long[]> bandsDescriptor(Duration stateTtl) {
        return SafetyNetTtl.apply(
                new ValueStateDescriptor<>(
                        BANDS, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO),
                stateTtl);
    }

    private static boolean hasKeys(KeyedStateBackend<Long> backend, String state) {
        try (Stream<Long> found = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return found.findAny().isPresent();
        }
    }

    /** The keys that have an entry in the named state; collected first, as reads may modify it. */
    private static List<Long> keysOf(KeyedStateBackend<Long> backend, String state) {
        try (Stream<Long> found = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return found.toList();
        }
    }

    private void rebuildBands(KeyedStateBackend<Long> backend, NearDuplicateModel model)
            throws Exception {
        for (long time : keysOf(backend, MEMBERS)) {
            List<NearMember> atTime = new ArrayList<>();
            for (Map.Entry<String, NearMember> e : members(time)) {
                atTime.add(e.getValue());
            }
            for (NearMember member : atTime) {
                for (long bandKey : model.bandKeys(member.signature())) {
                    addToBand(bandKey, time);
                }
            }
        }
    }

    private void at(long key) {
        keys.setCurrentKey(key);
    }

    @Override
    public void addPending(NearProbe probe) throws Exception {
        at(probe.eventTime());
        pending.add(probe);
    }

    @Override
    public List<NearProbe> takePending(long eventTime) throws Exception {
        at(eventTime);
        Iterable<NearProbe> waiting = pending.get();
        if (waiting == null) {
            return List.of();
        }
        List<NearProbe> due = new ArrayList<>();
        waiting.forEach(due::add);
        pending.clear();
        return due;
    }

    @Override
    public long[] band(long bandKey) throws Exception {
        if (memoryBands != null) {
            return memoryBands.values(bandKey);
        }
        at(bandKey);
        long[] times = bands.value();
        return times == null ? NONE : times;
    }

    @Override
    public void addToBand(long bandKey, long eventTime) throws Exception {
        if (memoryBands != null) {
            memoryBands.add(bandKey, eventTime);
            return;
        }
        at(bandKey);
        long[] times = bands.value();
        long[] more = NearIndexState.with(times, eventTime);
        if (more != times) {
            bands.update(more);
        }
    }

    @Override
    public void removeFromBand(long bandKey, long eventTime) throws Exception {
        if (memoryBands != null) {
            memoryBands.remove(bandKey, eventTime);
            return;
        }
        at(bandKey);
        long[] times = bands.value();
        long[] left = NearIndexState.without(times, eventTime);
        if (left == null) {
            bands.clear();
        } else if (left != times) {
            bands.update(left);
        }
    }

    @Override
    public Iterable<Map.Entry<String, NearMember>> members(long eventTime) throws Exception {
        at(eventTime);
        return members.entries();
    }

    @Override
    public NearMember member(long eventTime, String id) throws Exception {
        at(eventTime);
        return members.get(id);
    }

    @Override
    public void putMember(long eventTime, String id, NearMember member) throws Exception {
        at(eventTime);
        members.put(id, member);
    }

    @Override
    public Map<String, NearMember> takeMembers(long eventTime) throws Exception {
        at(eventTime);
        Map<String, NearMember> gone = new HashMap<>();
        for (Map.Entry<String, NearMember> e : members.entries()) {
            gone.put(e.getKey(), e.getValue());
        }
        members.clear();
        return gone;
    }

    @Override
    public int bandEntriesInMemory() {
        return memoryBands == null ? 0 : memoryBands.size();
    }

    @Override
    public void registerTimer(long timestamp) {
        at(timestamp);
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, timestamp);
    }
}

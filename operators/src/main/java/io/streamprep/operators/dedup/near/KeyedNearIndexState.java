package io.streamprep.operators.dedup.near;

import io.streamprep.operators.common.SafetyNetTtl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * The index in keyed state, one state entry per LSH band key (the event times of its
 * representatives, a {@code long[]}) and per event time (its representatives by id), for STREAMING
 * execution.
 *
 * <p>Why not one key: the heap backend snapshots copy-on-write per state entry, so an index kept as
 * maps under a single key is copied whole on its first access after every checkpoint, which made
 * garbage collection and snapshots most of the pipeline's CPU. With an entry per band key and per
 * event time, a checkpoint copies only the entries touched after it, and RocksDB reads only the
 * entries a record needs. Switching keys needs the operator to own every key group, so the index
 * runs with parallelism 1.
 */
final class KeyedNearIndexState implements NearIndexState {

    private static final long[] NONE = new long[0];

    private final KeyContext keys;
    private final InternalTimerService<VoidNamespace> timers;
    private final ListState<NearProbe> pending;
    private final MapState<String, NearMember> members;
    private final ValueState<long[]> bands;

    KeyedNearIndexState(
            KeyContext keys,
            RuntimeContext context,
            InternalTimerService<VoidNamespace> timers,
            Duration stateTtl) {
        this.keys = keys;
        this.timers = timers;
        ListStateDescriptor<NearProbe> pendingDescriptor =
                new ListStateDescriptor<>("near-pending", TypeInformation.of(NearProbe.class));
        MapStateDescriptor<String, NearMember> membersDescriptor =
                new MapStateDescriptor<>(
                        "near-members", Types.STRING, TypeInformation.of(NearMember.class));
        ValueStateDescriptor<long[]> bandsDescriptor =
                new ValueStateDescriptor<>(
                        "near-bands", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        SafetyNetTtl.apply(pendingDescriptor, stateTtl);
        SafetyNetTtl.apply(membersDescriptor, stateTtl);
        SafetyNetTtl.apply(bandsDescriptor, stateTtl);
        this.pending = context.getListState(pendingDescriptor);
        this.members = context.getMapState(membersDescriptor);
        this.bands = context.getState(bandsDescriptor);
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
        at(bandKey);
        long[] times = bands.value();
        return times == null ? NONE : times;
    }

    @Override
    public void addToBand(long bandKey, long eventTime) throws Exception {
        at(bandKey);
        long[] times = bands.value();
        long[] more = NearIndexState.with(times, eventTime);
        if (more != times) {
            bands.update(more);
        }
    }

    @Override
    public void removeFromBand(long bandKey, long eventTime) throws Exception {
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
    public void registerTimer(long timestamp) {
        at(timestamp);
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, timestamp);
    }
}

package io.streamprep.operators.dedup.near;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.InternalTimerService;

/**
 * The index in plain maps, for BATCH execution: there are no checkpoints to take, and the batch
 * keyed backend holds one key at a time, so the index stays under the partition's single key and
 * its timers fire, in time order, when the input ends.
 */
final class InMemoryNearIndexState implements NearIndexState {

    private final InternalTimerService<VoidNamespace> timers;
    private final Map<Long, List<NearProbe>> pending = new HashMap<>();
    private final Map<Long, Map<String, NearMember>> members = new HashMap<>();
    private final LongPairSet bands = new LongPairSet();

    InMemoryNearIndexState(InternalTimerService<VoidNamespace> timers) {
        this.timers = timers;
    }

    @Override
    public void addPending(NearProbe probe) {
        pending.computeIfAbsent(probe.eventTime(), t -> new ArrayList<>(1)).add(probe);
    }

    @Override
    public List<NearProbe> takePending(long eventTime) {
        List<NearProbe> due = pending.remove(eventTime);
        return due == null ? List.of() : due;
    }

    @Override
    public long[] band(long bandKey) {
        return bands.values(bandKey);
    }

    @Override
    public void addToBand(long bandKey, long eventTime) {
        bands.add(bandKey, eventTime);
    }

    @Override
    public void removeFromBand(long bandKey, long eventTime) {
        bands.remove(bandKey, eventTime);
    }

    @Override
    public Iterable<Map.Entry<String, NearMember>> members(long eventTime) {
        return members.getOrDefault(eventTime, Map.of()).entrySet();
    }

    @Override
    public NearMember member(long eventTime, String id) {
        Map<String, NearMember> atTime = members.get(eventTime);
        return atTime == null ? null : atTime.get(id);
    }

    @Override
    public void putMember(long eventTime, String id, NearMember member) {
        members.computeIfAbsent(eventTime, t -> new HashMap<>(2)).put(id, member);
    }

    @Override
    public Map<String, NearMember> takeMembers(long eventTime) {
        Map<String, NearMember> gone = members.remove(eventTime);
        return gone == null ? Map.of() : gone;
    }

    @Override
    public int bandEntriesInMemory() {
        return bands.size();
    }

    @Override
    public void registerTimer(long timestamp) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, timestamp);
    }
}

package io.streamprep.operators.dedup.near;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.config.NearDedupOptions.Mode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.sorted.state.BatchExecutionKeyedStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The windowed near-duplicate index, generic over a {@link NearDuplicateModel} (MinHash for text,
 * perceptual hashes for images). It sees only {@link NearProbe}s: id, event time and signature. Its
 * input is keyed by {@link NearDedupKeys#index()} and it must run with parallelism 1.
 *
 * <p><b>Rule.</b> Records are judged one at a time in (event time, id) order. A record is a near
 * duplicate when it shares a band key with a representative whose event time is at most {@code
 * window} earlier and the model confirms the pair ({@link NearDuplicateModel#isDuplicate(byte[],
 * byte[], double)} with their {@link NearDuplicateModel#similarity}). {@code duplicate_of} is the
 * earliest such representative by (event time, id). In {@link Mode#DROP} only kept records are
 * representatives, so {@code duplicate_of} always names a kept record. In {@link Mode#GROUP} every
 * record is kept and becomes a representative too; its cluster representative is that of its
 * earliest similar record (chains included), else itself.
 *
 * <p><b>Determinism.</b> Probes are buffered until the watermark passes them and judged in (event
 * time, id) order, so the verdicts are a function of the input alone, whatever the arrival order.
 * The whole index is one sequential computation, the same at any job parallelism, in BATCH (where
 * timers fire in time order at the end of input) and in STREAMING. Only the compact probes pass
 * through it; signatures are computed in parallel upstream and texts wait in the parallel join
 * ({@link NearDedupJoinFunction}). Probes that arrive behind the watermark (late) are judged at
 * once against the representatives within the window on either side and counted as {@code
 * dedup.near-late}.
 *
 * <p><b>State.</b> Per representative: its {@link NearMember} (signature, cluster representative)
 * under its event time and id, and its event time in the entry of each of its band keys. In
 * STREAMING the members are keyed state entries, one per event time ({@link KeyedNearIndexState}),
 * so checkpoints copy and write only what changed; the band entries, which follow from the
 * signatures, are a primitive map in memory on the heap backend (rebuilt after a restore) and keyed
 * state entries, one per band key, on other backends. In BATCH everything is in plain maps ({@link
 * InMemoryNearIndexState}). An event-time timer at {@code eventTime + window + 1} removes a
 * representative, so state lives one window; a processing-time TTL is the safety net if event time
 * stalls. Two records with the same id and event time count once (ids are assumed unique).
 *
 * <p><b>Failure.</b> Everything is in checkpointed keyed state and timers, or derived from it when
 * the operator opens; after a restore the index continues where the checkpoint left it. An
 * exception from the model fails the task (it is a bug, not bad input: signatures are made by the
 * upstream stage).
 */
public class NearDedupIndexOperator extends AbstractStreamOperator<NearVerdict>
        implements OneInputStreamOperator<NearProbe, NearVerdict>,
                Triggerable<Long, VoidNamespace> {

    private static final long serialVersionUID = 1L;

    private final NearDuplicateModel model;
    private final long windowMillis;
    private final Mode mode;
    private final Duration stateTtl;

    private transient InternalTimerService<VoidNamespace> timers;
    private transient NearIndexState index;
    private transient PipelineCounters dedup;

    /**
     * @param model how candidates are found and confirmed
     * @param window how far apart in event time two records may be to count as near duplicates
     * @param mode drop or group near duplicates
     * @param stateTtl safety-net TTL for all keyed state, or {@code null} for none
     */
    public NearDedupIndexOperator(
            NearDuplicateModel model, Duration window, Mode mode, Duration stateTtl) {
        this.model = Objects.requireNonNull(model, "model");
        if (window.isNegative()) {
            throw new IllegalArgumentException("dedup.near.window must not be negative");
        }
        this.windowMillis = window.toMillis();
        this.mode = Objects.requireNonNull(mode, "mode");
        this.stateTtl = stateTtl;
    }

    @Override
    public void open() throws Exception {
        super.open();
        int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        if (parallelism != 1) {
            throw new IllegalStateException(
                    "the near-dedup index must run with parallelism 1, not " + parallelism);
        }
        timers =
                getInternalTimerService("near-dedup-index", VoidNamespaceSerializer.INSTANCE, this);
        KeyedStateBackend<Long> backend = getKeyedStateBackend();
        index =
                backend instanceof BatchExecutionKeyedStateBackend
                        ? new InMemoryNearIndexState(timers)
                        : new KeyedNearIndexState(
                                this,
                                backend,
                                getRuntimeContext(),
                                timers,
                                stateTtl,
                                model,
                                backend instanceof HeapKeyedStateBackend);
        dedup = new PipelineCounters(getRuntimeContext(), "dedup");
    }

    @Override
    public void processElement(StreamRecord<NearProbe> element) throws Exception {
        NearProbe probe = element.getValue();
        long time = probe.eventTime();
        if (time > timers.currentWatermark()) {
            index.addPending(probe);
            index.registerTimer(time);
            return;
        }
        dedup.inc("near-late");
        NearVerdict verdict = judge(probe, true);
        output.collect(
                element.hasTimestamp()
                        ? new StreamRecord<>(verdict, element.getTimestamp())
                        : new StreamRecord<>(verdict));
    }

    @Override
    public void onEventTime(InternalTimer<Long, VoidNamespace> timer) throws Exception {
        long timestamp = timer.getTimestamp();
        List<NearProbe> due = index.takePending(timestamp);
        if (!due.isEmpty()) {
            due.sort(NearProbe.ORDER);
            for (NearProbe probe : due) {
                output.collect(new StreamRecord<>(judge(probe, false), timestamp));
            }
        }
        if (timestamp - 1 >= Long.MIN_VALUE + windowMillis) {
            expire(timestamp - 1 - windowMillis);
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<Long, VoidNamespace> timer) {}

    private NearVerdict judge(NearProbe probe, boolean late) throws Exception {
        long[] keys = model.bandKeys(probe.signature());
        long time = probe.eventTime();
        String bestId = null;
        long bestTime = 0;
        NearMember best = null;
        double bestSimilarity = 0.0;
        Set<Long> seen = new HashSet<>();
        for (long key : keys) {
            for (long t : index.band(key)) {
                if (!seen.add(t) || !inWindow(t, time, late) || (best != null && t > bestTime)) {
                    continue;
                }
                boolean anyMember = false;
                for (Map.Entry<String, NearMember> e : index.members(t)) {
                    anyMember = true;
                    String id = e.getKey();
                    NearMember member = e.getValue();
                    if (!comparable(t, id, probe, late)
                            || (best != null && !before(t, id, bestTime, bestId))
                            || !sharesBand(keys, member)) {
                        continue;
                    }
                    double similarity = model.similarity(probe.signature(), member.signature());
                    if (model.isDuplicate(probe.signature(), member.signature(), similarity)) {
                        best = member;
                        bestId = id;
                        bestTime = t;
                        bestSimilarity = similarity;
                    }
                }
                if (!anyMember) {
                    // only after the safety-net TTL removed the representatives of time t
                    index.removeFromBand(key, t);
                }
            }
        }
        String representative = best == null ? probe.id() : best.representative();
        if (best == null || mode == Mode.GROUP) {
            remember(probe, keys, representative);
        }
        return new NearVerdict(probe.key(), probe.id(), bestId, bestSimilarity, representative);
    }

    /** Whether representatives of event time {@code t} are within the window of the probe's. */
    private boolean inWindow(long t, long time, boolean late) {
        if (late) {
            return Math.abs(time - t) <= windowMillis;
        }
        return t <= time && time - t <= windowMillis;
    }

    /** On time, only earlier records (by event time, then id) count; late, any other record. */
    private static boolean comparable(long t, String id, NearProbe probe, boolean late) {
        return late ? !id.equals(probe.id()) : before(t, id, probe.eventTime(), probe.id());
    }

    private static boolean before(long aTime, String aId, long bTime, String bId) {
        return aTime < bTime || (aTime == bTime && aId.compareTo(bId) < 0);
    }

    /**
     * Band entries hold event times, so a representative found through one is checked to really
     * share a band key (others at the same event time may not).
     */
    private boolean sharesBand(long[] keys, NearMember member) {
        for (long theirs : model.bandKeys(member.signature())) {
            for (long ours : keys) {
                if (theirs == ours) {
                    return true;
                }
            }
        }
        return false;
    }

    private void remember(NearProbe probe, long[] keys, String representative) throws Exception {
        long time = probe.eventTime();
        if (index.member(time, probe.id()) != null) {
            return; // a repeated (id, event time) never replaces the first record
        }
        index.putMember(time, probe.id(), new NearMember(time, probe.signature(), representative));
        for (long key : keys) {
            index.addToBand(key, time);
        }
        if (time <= Long.MAX_VALUE - windowMillis - 1) {
            index.registerTimer(time + windowMillis + 1);
        }
    }

    /** How many band entries the index holds in memory (not in keyed state). */
    @VisibleForTesting
    int bandEntriesInMemory() {
        return index.bandEntriesInMemory();
    }

    private void expire(long eventTime) throws Exception {
        for (NearMember member : index.takeMembers(eventTime).values()) {
            for (long key : model.bandKeys(member.signature())) {
                index.removeFromBand(key, eventTime);
            }
        }
    }
}

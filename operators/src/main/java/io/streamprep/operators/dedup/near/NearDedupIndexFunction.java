package io.streamprep.operators.dedup.near;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.SafetyNetTtl;
import io.streamprep.schemas.config.NearDedupOptions.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The windowed near-duplicate index, generic over a {@link NearDuplicateModel} (MinHash for text,
 * perceptual hashes for images). It sees only {@link NearProbe}s: id, event time and signature.
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
 * The index is one keyed partition ({@link NearDedupKeys#INDEX_KEY}): the same sequential
 * computation runs at any parallelism, in BATCH (where timers fire in time order at the end of
 * input) and in STREAMING. Only the compact probes pass through it; signatures are computed in
 * parallel upstream and texts wait in the parallel join ({@link NearDedupJoinFunction}). Probes
 * that arrive behind the watermark (late) are judged at once against the representatives within the
 * window on either side and counted as {@code dedup.near-late}.
 *
 * <p><b>State.</b> Per representative: its {@link NearMember} (event time, signature, cluster
 * representative), its id in one list per band key, and its id under its event time. An event-time
 * timer at {@code eventTime + window + 1} removes all of it, so state lives one window; a
 * processing-time TTL is the safety net if event time stalls.
 */
public class NearDedupIndexFunction extends KeyedProcessFunction<Integer, NearProbe, NearVerdict> {

    private static final long serialVersionUID = 1L;

    private final NearDuplicateModel model;
    private final long windowMillis;
    private final Mode mode;
    private final Duration stateTtl;

    private transient MapState<Long, List<NearProbe>> pending;
    private transient MapState<String, NearMember> members;
    private transient MapState<Long, List<String>> bands;
    private transient MapState<Long, List<String>> byTime;
    private transient PipelineCounters dedup;

    /**
     * @param model how candidates are found and confirmed
     * @param window how far apart in event time two records may be to count as near duplicates
     * @param mode drop or group near duplicates
     * @param stateTtl safety-net TTL for all keyed state, or {@code null} for none
     */
    public NearDedupIndexFunction(
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
    public void open(OpenContext openContext) {
        MapStateDescriptor<Long, List<NearProbe>> pendingDescriptor =
                new MapStateDescriptor<>(
                        "pending", Types.LONG, new ListTypeInfo<>(NearProbe.class));
        MapStateDescriptor<String, NearMember> membersDescriptor =
                new MapStateDescriptor<>(
                        "members", Types.STRING, TypeInformation.of(NearMember.class));
        MapStateDescriptor<Long, List<String>> bandsDescriptor =
                new MapStateDescriptor<>("bands", Types.LONG, new ListTypeInfo<>(Types.STRING));
        MapStateDescriptor<Long, List<String>> byTimeDescriptor =
                new MapStateDescriptor<>("by-time", Types.LONG, new ListTypeInfo<>(Types.STRING));
        SafetyNetTtl.apply(pendingDescriptor, stateTtl);
        SafetyNetTtl.apply(membersDescriptor, stateTtl);
        SafetyNetTtl.apply(bandsDescriptor, stateTtl);
        SafetyNetTtl.apply(byTimeDescriptor, stateTtl);
        pending = getRuntimeContext().getMapState(pendingDescriptor);
        members = getRuntimeContext().getMapState(membersDescriptor);
        bands = getRuntimeContext().getMapState(bandsDescriptor);
        byTime = getRuntimeContext().getMapState(byTimeDescriptor);
        dedup = new PipelineCounters(getRuntimeContext(), "dedup");
    }

    @Override
    public void processElement(NearProbe probe, Context ctx, Collector<NearVerdict> out)
            throws Exception {
        long time = probe.eventTime();
        if (time > ctx.timerService().currentWatermark()) {
            List<NearProbe> atTime = pending.get(time);
            if (atTime == null) {
                atTime = new ArrayList<>(1);
            }
            atTime.add(probe);
            pending.put(time, atTime);
            ctx.timerService().registerEventTimeTimer(time);
            return;
        }
        dedup.inc("near-late");
        judge(ctx, probe, true, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<NearVerdict> out)
            throws Exception {
        List<NearProbe> due = pending.get(timestamp);
        if (due != null) {
            pending.remove(timestamp);
            due.sort(NearProbe.ORDER);
            for (NearProbe probe : due) {
                judge(ctx, probe, false, out);
            }
        }
        if (timestamp - 1 >= Long.MIN_VALUE + windowMillis) {
            expire(timestamp - 1 - windowMillis);
        }
    }

    private void judge(Context ctx, NearProbe probe, boolean late, Collector<NearVerdict> out)
            throws Exception {
        long[] keys = model.bandKeys(probe.signature());
        String bestId = null;
        NearMember best = null;
        double bestSimilarity = 0.0;
        Set<String> seen = new HashSet<>();
        for (long key : keys) {
            List<String> ids = bands.get(key);
            if (ids == null) {
                continue;
            }
            for (String id : ids) {
                if (!seen.add(id)) {
                    continue;
                }
                NearMember member = members.get(id);
                if (member == null || !inWindow(member, id, probe, late)) {
                    continue;
                }
                if (best != null && !earlier(member, id, best, bestId)) {
                    continue;
                }
                double similarity = model.similarity(probe.signature(), member.signature());
                if (model.isDuplicate(probe.signature(), member.signature(), similarity)) {
                    best = member;
                    bestId = id;
                    bestSimilarity = similarity;
                }
            }
        }
        String representative = best == null ? probe.id() : best.representative();
        out.collect(
                new NearVerdict(probe.key(), probe.id(), bestId, bestSimilarity, representative));
        if (best == null || mode == Mode.GROUP) {
            remember(ctx, probe, keys, representative);
        }
    }

    private boolean inWindow(NearMember member, String id, NearProbe probe, boolean late) {
        if (late) {
            return Math.abs(probe.eventTime() - member.eventTime()) <= windowMillis
                    && !id.equals(probe.id());
        }
        return probe.eventTime() - member.eventTime() <= windowMillis
                && (member.eventTime() < probe.eventTime()
                        || (member.eventTime() == probe.eventTime()
                                && id.compareTo(probe.id()) < 0));
    }

    private static boolean earlier(NearMember a, String aId, NearMember b, String bId) {
        return a.eventTime() < b.eventTime()
                || (a.eventTime() == b.eventTime() && aId.compareTo(bId) < 0);
    }

    private void remember(Context ctx, NearProbe probe, long[] keys, String representative)
            throws Exception {
        if (members.contains(probe.id())) {
            return; // ids are assumed unique; a repeated id never replaces the first record
        }
        members.put(
                probe.id(), new NearMember(probe.eventTime(), probe.signature(), representative));
        for (long key : keys) {
            List<String> ids = bands.get(key);
            if (ids == null) {
                ids = new ArrayList<>(1);
            }
            ids.add(probe.id());
            bands.put(key, ids);
        }
        List<String> atTime = byTime.get(probe.eventTime());
        if (atTime == null) {
            atTime = new ArrayList<>(1);
        }
        atTime.add(probe.id());
        byTime.put(probe.eventTime(), atTime);
        if (probe.eventTime() <= Long.MAX_VALUE - windowMillis - 1) {
            ctx.timerService().registerEventTimeTimer(probe.eventTime() + windowMillis + 1);
        }
    }

    private void expire(long eventTime) throws Exception {
        List<String> ids = byTime.get(eventTime);
        if (ids == null) {
            return;
        }
        byTime.remove(eventTime);
        for (String id : ids) {
            NearMember member = members.get(id);
            if (member == null) {
                continue;
            }
            members.remove(id);
            for (long key : model.bandKeys(member.signature())) {
                List<String> inBand = bands.get(key);
                if (inBand == null) {
                    continue;
                }
                inBand.remove(id);
                if (inBand.isEmpty()) {
                    bands.remove(key);
                } else {
                    bands.put(key, inBand);
                }
            }
        }
    }
}

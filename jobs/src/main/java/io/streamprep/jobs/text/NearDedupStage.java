package io.streamprep.jobs.text;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.dedup.near.NearDedupIndexOperator;
import io.streamprep.operators.dedup.near.NearDedupJoinFunction;
import io.streamprep.operators.dedup.near.NearDedupKeys;
import io.streamprep.operators.dedup.near.NearDedupSettings;
import io.streamprep.operators.dedup.near.NearProbe;
import io.streamprep.operators.dedup.near.NearVerdict;
import io.streamprep.operators.dedup.near.TextSignatureFunction;
import io.streamprep.schemas.config.NearDedupOptions;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires near dedup: signatures in parallel ({@code dedup-near-signature}), the windowed index as
 * one subtask ({@code dedup-near-index}), and the join of verdicts with the waiting records keyed
 * per record ({@code dedup-near-join}).
 */
public final class NearDedupStage {

    private NearDedupStage() {}

    /** The kept (or grouped) records; near duplicates go to the join's duplicates side output. */
    static SingleOutputStreamOperator<TextEvent> apply(
            DataStream<TextEvent> unique, NearDedupSettings settings, Uids uids) {
        DataStream<NearProbe> probes =
                unique.map(new TextSignatureFunction(settings.model()))
                        .uid(uids.of("dedup-near-signature"))
                        .name("near dedup: signatures");
        DataStream<NearVerdict> verdicts =
                verdicts(
                        probes,
                        new NearDedupIndexOperator(
                                settings.model(),
                                settings.window(),
                                settings.mode(),
                                settings.stateTtl()),
                        uids,
                        "near dedup");
        return unique.keyBy(NearDedupKeys::of)
                .connect(verdicts.keyBy(NearVerdict::key))
                .process(
                        new NearDedupJoinFunction(
                                settings.mode() == NearDedupOptions.Mode.GROUP,
                                settings.stateTtl()))
                .uid(uids.of("dedup-near-join"))
                .name("near dedup: join");
    }

    /**
     * The windowed index over the probes of text or images: one subtask (uid {@code
     * dedup-near-index}), so verdicts do not depend on parallelism.
     */
    public static DataStream<NearVerdict> verdicts(
            DataStream<NearProbe> probes, NearDedupIndexOperator index, Uids uids, String name) {
        // Parallelism 1: the index is one sequential computation (see NearDedupIndexOperator),
        // and it spreads its state over many keys, so it must own every key group.
        return probes.keyBy(NearDedupKeys.index())
                .transform(name + ": index", TypeInformation.of(NearVerdict.class), index)
                .uid(uids.of("dedup-near-index"))
                .setParallelism(1);
    }

    /** The near duplicates of a stage built by {@link #apply}. */
    static DataStream<DuplicateRecord> duplicates(SingleOutputStreamOperator<TextEvent> joined) {
        return joined.getSideOutput(OutputTags.DUPLICATES);
    }
}

package io.streamprep.jobs.image;

import io.streamprep.jobs.text.NearDedupStage;
import io.streamprep.jobs.text.Uids;
import io.streamprep.operators.dedup.near.NearDedupIndexOperator;
import io.streamprep.operators.dedup.near.NearProbe;
import io.streamprep.operators.dedup.near.NearVerdict;
import io.streamprep.operators.image.ImageNearDedupJoinFunction;
import io.streamprep.operators.image.ImageNearDedupSettings;
import io.streamprep.operators.image.ImageSignatureFunction;
import io.streamprep.schemas.config.NearDedupOptions;
import io.streamprep.schemas.records.ImageEvent;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires image near dedup like the text one: pHash (+ thumbnail) probes in parallel ({@code
 * image-dedup-near-signature}), the shared windowed index with a {@code HammingModel} as one keyed
 * partition ({@code image-dedup-near-index}), and the join of verdicts with the waiting images
 * keyed per record ({@code image-dedup-near-join}).
 */
final class ImageNearDedupStage {

    private ImageNearDedupStage() {}

    /** The kept (or grouped) images; near duplicates go to the join's duplicates side output. */
    static SingleOutputStreamOperator<ImageEvent> apply(
            DataStream<ImageEvent> unique, ImageNearDedupSettings settings, Uids uids) {
        DataStream<NearProbe> probes =
                unique.map(new ImageSignatureFunction(settings.model()))
                        .uid(uids.of("dedup-near-signature"))
                        .name("image near dedup: pHash + thumbnail");
        DataStream<NearVerdict> verdicts =
                NearDedupStage.verdicts(
                        probes,
                        new NearDedupIndexOperator(
                                settings.model(),
                                settings.window(),
                                settings.mode(),
                                settings.stateTtl()),
                        uids,
                        "image near dedup");
        return unique.keyBy(ImageSignatureFunction::key)
                .connect(verdicts.keyBy(NearVerdict::key))
                .process(
                        new ImageNearDedupJoinFunction(
                                settings.mode() == NearDedupOptions.Mode.GROUP,
                                settings.stateTtl()))
                .uid(uids.of("dedup-near-join"))
                .name("image near dedup: join");
    }
}

package io.streamprep.jobs.text;

import io.streamprep.operators.augment.text.AugmentPolicy;
import io.streamprep.operators.augment.text.EdaAugmentFunction;
import io.streamprep.operators.augment.text.mt.BackTranslateFunction;
import io.streamprep.operators.augment.text.mt.BackTranslateSettings;
import io.streamprep.operators.augment.text.mt.BackTranslationEmitter;
import io.streamprep.schemas.records.TextEvent;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Wires the augmentation stages (EDA, then back-translation through Async I/O) when {@code
 * augment.enabled} is set; otherwise the stream passes untouched and the graph is unchanged.
 */
final class AugmentStages {

    private AugmentStages() {}

    static DataStream<TextEvent> apply(
            DataStream<TextEvent> events, ReadableConfig options, Uids uids, long seed) {
        AugmentPolicy policy = AugmentPolicy.fromConfig(options);
        if (!policy.enabled()) {
            return events;
        }
        DataStream<TextEvent> out = events;
        if (policy.edaEnabled()) {
            out =
                    out.process(new EdaAugmentFunction(policy, seed))
                            .uid(uids.of("augment-eda"))
                            .name("augment: EDA");
        }
        if (policy.backTranslate()) {
            BackTranslateSettings settings = BackTranslateSettings.fromConfig(options);
            // Unordered is enough: every output depends on its input alone, and Async I/O still
            // keeps records between the same watermarks.
            out =
                    AsyncDataStream.unorderedWait(
                                    out,
                                    new BackTranslateFunction(settings, policy),
                                    settings.recordTimeout().toMillis(),
                                    TimeUnit.MILLISECONDS,
                                    settings.capacity())
                            .uid(uids.of("augment-backtranslate"))
                            .name("augment: back-translate (async)")
                            .process(new BackTranslationEmitter(settings))
                            .uid(uids.of("augment-backtranslate-emit"))
                            .name("augment: back-translated variants");
        }
        return out;
    }
}

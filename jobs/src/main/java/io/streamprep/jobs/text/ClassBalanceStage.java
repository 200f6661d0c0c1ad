package io.streamprep.jobs.text;

import io.streamprep.operators.balance.BalanceFunction;
import io.streamprep.operators.balance.BalanceRouter;
import io.streamprep.operators.balance.BalanceSettings;
import io.streamprep.operators.balance.ClassCount;
import io.streamprep.operators.balance.ClassCountFunction;
import io.streamprep.operators.balance.ClassRate;
import io.streamprep.operators.balance.ClassRateFunction;
import io.streamprep.operators.balance.PaneKeys;
import io.streamprep.operators.common.OutputTags;
import io.streamprep.schemas.config.BalanceOptions;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires class balancing ({@code balance.*}) between dedup and augmentation:
 *
 * <pre>
 * route ─┬─ labelled ─keyBy(label)─► count ─keyBy(horizon)─► rate ─keyBy(pane, label)─┐
 *        ├─ labelled ─keyBy(pane, label)────────────────────────────────────────► balance ─► out
 *        └─ unlabelled / unweighted ─────────────────────────────────────────────────────► out
 * </pre>
 *
 * <p>Under-sampled records go to the sampled-out sink. With {@code balance.enabled} false the input
 * is returned unchanged and no operator is added.
 */
final class ClassBalanceStage {

    private ClassBalanceStage() {}

    static DataStream<TextEvent> apply(
            DataStream<TextEvent> input,
            ReadableConfig options,
            Uids uids,
            Sink<SampledOutRecord> sampledOut) {
        if (!options.get(BalanceOptions.ENABLED)) {
            return input;
        }
        BalanceSettings settings = BalanceSettings.fromConfig(options);
        SingleOutputStreamOperator<TextEvent> routed =
                input.process(new BalanceRouter(settings))
                        .uid(uids.of("balance-route"))
                        .name("balance: route");
        DataStream<ClassRate> rates =
                routed.keyBy(e -> e.record().label())
                        .process(new ClassCountFunction(settings))
                        .uid(uids.of("balance-count"))
                        .name("balance: count classes")
                        .keyBy(ClassCount::horizonEnd)
                        .process(new ClassRateFunction(settings))
                        .uid(uids.of("balance-rate"))
                        .name("balance: class rates");
        SingleOutputStreamOperator<TextEvent> balanced =
                routed.keyBy(PaneKeys.records(settings))
                        .connect(rates.keyBy(PaneKeys.rates()))
                        .process(new BalanceFunction(settings))
                        .uid(uids.of("balance"))
                        .name("class balance");
        balanced.getSideOutput(OutputTags.SAMPLED_OUT)
                .sinkTo(sampledOut)
                .uid(uids.of("sink-sampled-out"))
                .name("sink: sampled out");
        return balanced.union(routed.getSideOutput(BalanceRouter.PASS));
    }
}

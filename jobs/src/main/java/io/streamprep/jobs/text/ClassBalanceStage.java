package io.streamprep.jobs.text;

import io.streamprep.operators.balance.BalanceAccess;
import io.streamprep.operators.balance.BalanceFunction;
import io.streamprep.operators.balance.BalanceRouter;
import io.streamprep.operators.balance.BalanceSettings;
import io.streamprep.operators.balance.ClassCount;
import io.streamprep.operators.balance.ClassCountFunction;
import io.streamprep.operators.balance.ClassRate;
import io.streamprep.operators.balance.ClassRateFunction;
import io.streamprep.operators.balance.PaneKeys;
import io.streamprep.operators.balance.TextBalanceAccess;
import io.streamprep.operators.common.OutputTags;
import io.streamprep.schemas.config.BalanceOptions;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires class balancing ({@code balance.*}) between dedup and augmentation, for text and image
 * records alike (the record type is read through a {@link BalanceAccess}):
 *
 * <pre>
 * route ─┬─ labelled ─keyBy(label)─► count ─keyBy(horizon)─► rate ─keyBy(pane, label)─┐
 *        ├─ labelled ─keyBy(pane, label)────────────────────────────────────────► balance ─rebalance─► out
 *        └─ unlabelled / unweighted ───────────────────────────────────────────────────────────────► out
 * </pre>
 *
 * <p>Under-sampled records go to the sampled-out sink. With {@code balance.enabled} false the input
 * is returned unchanged and no operator is added. The uids are {@code balance-route}, {@code
 * balance-count}, {@code balance-rate}, {@code balance} and {@code sink-sampled-out} under the
 * pipeline's {@link Uids}.
 */
public final class ClassBalanceStage {

    private ClassBalanceStage() {}

    /** Balances text records (the text pipeline's stage). */
    static DataStream<TextEvent> apply(
            DataStream<TextEvent> input,
            ReadableConfig options,
            Uids uids,
            Sink<SampledOutRecord> sampledOut) {
        return apply(input, TextBalanceAccess.INSTANCE, options, uids, sampledOut);
    }

    /** Balances records of any type that {@code access} reads. */
    public static <E> DataStream<E> apply(
            DataStream<E> input,
            BalanceAccess<E> access,
            ReadableConfig options,
            Uids uids,
            Sink<SampledOutRecord> sampledOut) {
        if (!options.get(BalanceOptions.ENABLED)) {
            return input;
        }
        BalanceSettings settings = BalanceSettings.fromConfig(options);
        BalanceRouter<E> router = new BalanceRouter<>(settings, access);
        SingleOutputStreamOperator<E> routed =
                input.process(router).uid(uids.of("balance-route")).name("balance: route");
        DataStream<ClassRate> rates =
                routed.keyBy(PaneKeys.labels(access), Types.STRING)
                        .process(new ClassCountFunction<>(settings, access))
                        .uid(uids.of("balance-count"))
                        .name("balance: count classes")
                        .keyBy(ClassCount::horizonEnd)
                        .process(new ClassRateFunction(settings))
                        .uid(uids.of("balance-rate"))
                        .name("balance: class rates");
        SingleOutputStreamOperator<E> balanced =
                routed.keyBy(PaneKeys.records(settings, access), Types.STRING)
                        .connect(rates.keyBy(PaneKeys.rates()))
                        .process(new BalanceFunction<>(settings, access))
                        .uid(uids.of("balance"))
                        .name("class balance");
        balanced.getSideOutput(OutputTags.SAMPLED_OUT)
                .sinkTo(sampledOut)
                .uid(uids.of("sink-sampled-out"))
                .name("sink: sampled out");
        // (pane, label) keys are few and skewed (one large class can be most of a pane), so
        // augmentation and tokenization chained after the balancer would run on one subtask: in
        // the bench one thread was saturated while the other idled. Records are independent from
        // here on, so spreading them round-robin changes no output.
        return balanced.rebalance().union(routed.getSideOutput(router.pass()));
    }
}

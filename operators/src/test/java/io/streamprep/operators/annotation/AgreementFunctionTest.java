package io.streamprep.operators.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class AgreementFunctionTest {

    @Test
    void agreementCountsSurviveSnapshotAndRestore() throws Exception {
        AgreementFunction function = new AgreementFunction(2);
        KeyedOneInputStreamOperatorTestHarness<Integer, VotedEvent, Void> harness =
                harness(function);
        harness.open();
        // Cohen's example, first half: both yes 20, A yes B no 5
        send(harness, 20, "yes", "yes");
        send(harness, 5, "yes", "no");
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        AgreementFunction restoredFunction = new AgreementFunction(2);
        harness = harness(restoredFunction);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        send(harness, 10, "no", "yes");
        send(harness, 15, "no", "no");

        assertThat(restoredFunction.counts().cohenKappas().get("ann|bob"))
                .isCloseTo(0.4, within(1e-12));
        assertThat(restoredFunction.counts().fleissKappa(2)).isFinite();
        assertThat(harness.numKeyedStateEntries()).isPositive(); // one bounded set of counters
        harness.close();
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<Integer, VotedEvent, Void> harness,
            int times,
            String a,
            String b)
            throws Exception {
        for (int i = 0; i < times; i++) {
            harness.processElement(
                    new VotedEvent(
                            AnnotationJoinFunctionTest.event("x" + i, i),
                            new String[] {"ann", "bob"},
                            new String[] {a, b},
                            i),
                    i);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<Integer, VotedEvent, Void> harness(
            AgreementFunction function) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), AgreementFunction.ALL, Types.INT);
    }
}

package io.streamprep.operators.dedup;

import static io.streamprep.operators.common.StateMigrationTesting.backend;
import static io.streamprep.operators.common.StateMigrationTesting.pojoTypeInfo;
import static io.streamprep.operators.common.StateMigrationTesting.savepoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.dedup.near.NearMember;
import io.streamprep.operators.dedup.near.NearMemberSerializer;
import io.streamprep.operators.dedup.near.NearProbe;
import io.streamprep.operators.dedup.near.NearProbeSerializer;
import io.streamprep.operators.dedup.near.NearVerdict;
import io.streamprep.operators.dedup.near.NearVerdictSerializer;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dedup state written by earlier builds, whose {@link KeptRecord} and {@link NearMember} went
 * through Flink's POJO serializer, is restored by the current serializers (value state, and map
 * state values as the index keeps them), then saved and restored again in the new format, on the
 * heap backend and on RocksDB (which rewrites every value on migration).
 */
class DedupStateMigrationTest {

    private static final KeptRecord KEPT = new KeptRecord(1_000L, "Zürich café 東京");
    private static final NearMember MEMBER =
            new NearMember(2_000L, new byte[] {1, 2, 3, -4}, "rep-ü");
    private static final NearProbe PROBE = new NearProbe("k", "r-9", 3_000L, new byte[] {9, -9});
    private static final NearVerdict VERDICT = new NearVerdict("k", "r-9", null, 0.0, "r-9");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void statesWrittenWithThePojoSerializerAreRestoredAndRewritten(boolean rocksDb)
            throws Exception {
        OperatorSubtaskState old;
        try (var before = harness(new Store(false), rocksDb)) {
            before.open();
            before.processElement("store", 0L);
            old = savepoint(before, 1);
        }
        OperatorSubtaskState migrated;
        try (var after = harness(new Store(true), rocksDb)) {
            after.setup();
            after.initializeState(old);
            after.open();
            after.processElement("probe", 0L);
            assertThat(after.extractOutputValues())
                    .containsExactly(
                            KEPT.toString(),
                            "member restored",
                            "probe restored",
                            VERDICT.toString());
            migrated = savepoint(after, 2);
        }
        try (var again = harness(new Store(true), rocksDb)) {
            again.setup();
            again.initializeState(migrated);
            again.open();
            again.processElement("probe", 0L);
            assertThat(again.extractOutputValues())
                    .containsExactly(
                            KEPT.toString(),
                            "member restored",
                            "probe restored",
                            VERDICT.toString());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, Object> harness(
            Store store, boolean rocksDb) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(store), s -> "key", Types.STRING);
        harness.setStateBackend(backend(rocksDb));
        return harness;
    }

    private static List<NearProbe> toList(Iterable<NearProbe> probes) {
        List<NearProbe> list = new ArrayList<>();
        probes.forEach(list::add);
        return list;
    }

    /** Stores both values on "store"; emits them on "probe". */
    private static final class Store extends KeyedProcessFunction<String, String, Object> {
        private final boolean current;
        private transient ValueState<KeptRecord> kept;
        private transient MapState<String, NearMember> members;
        private transient ListState<NearProbe> probes;
        private transient ValueState<NearVerdict> verdict;

        Store(boolean current) {
            this.current = current;
        }

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context)
                throws Exception {
            kept =
                    getRuntimeContext()
                            .getState(
                                    current
                                            ? new ValueStateDescriptor<>(
                                                    "kept", new KeptRecordSerializer())
                                            : new ValueStateDescriptor<>(
                                                    "kept", pojoTypeInfo(KeptRecord.class)));
            members =
                    getRuntimeContext()
                            .getMapState(
                                    current
                                            ? new MapStateDescriptor<>(
                                                    "members",
                                                    Types.STRING.createSerializer(
                                                            new org.apache.flink.api.common
                                                                    .serialization
                                                                    .SerializerConfigImpl()),
                                                    new NearMemberSerializer())
                                            : new MapStateDescriptor<>(
                                                    "members",
                                                    Types.STRING,
                                                    pojoTypeInfo(NearMember.class)));
            probes =
                    getRuntimeContext()
                            .getListState(
                                    current
                                            ? new ListStateDescriptor<>(
                                                    "probes", new NearProbeSerializer())
                                            : new ListStateDescriptor<>(
                                                    "probes", pojoTypeInfo(NearProbe.class)));
            verdict =
                    getRuntimeContext()
                            .getState(
                                    current
                                            ? new ValueStateDescriptor<>(
                                                    "verdict", new NearVerdictSerializer())
                                            : new ValueStateDescriptor<>(
                                                    "verdict", pojoTypeInfo(NearVerdict.class)));
        }

        @Override
        public void processElement(String command, Context context, Collector<Object> out)
                throws Exception {
            if (command.equals("store")) {
                kept.update(KEPT);
                members.put("m", MEMBER);
                probes.add(PROBE);
                verdict.update(VERDICT);
            } else {
                // Not the records themselves: the harness copies outputs with one serializer.
                out.collect(kept.value().toString());
                out.collect(MEMBER.equals(members.get("m")) ? "member restored" : "member lost");
                out.collect(
                        List.of(PROBE).equals(toList(probes.get()))
                                ? "probe restored"
                                : "probe lost");
                out.collect(verdict.value().toString());
            }
        }
    }
}

package io.streamprep.operators.dedup.near;

import static io.streamprep.operators.dedup.near.TestingNearDuplicateModel.sig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.schemas.config.NearDedupOptions.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NearDedupIndexOperatorTest {

    private static final long WINDOW = 1_000;
    private static final byte[] A = sig(1, 1, 1, 1);
    private static final byte[] A_NEAR = sig(1, 1, 1, 9);
    private static final byte[] B_NEAR_A = sig(1, 1, 2, 2);
    private static final byte[] C_NEAR_B = sig(3, 3, 2, 2);
    private static final byte[] OTHER = sig(7, 7, 7, 7);

    private KeyedOneInputStreamOperatorTestHarness<Long, NearProbe, NearVerdict> harness;
    private NearDedupIndexOperator operator;

    @AfterEach
    void tearDown() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void theEarliestRecordWinsWhateverTheArrivalOrder() throws Exception {
        open(Mode.DROP);
        probe("c", 300, A_NEAR);
        probe("a", 100, A);
        probe("x", 150, OTHER);
        probe("b", 200, A);
        harness.processWatermark(1_000);

        assertThat(verdicts())
                .containsExactly(
                        kept("a"),
                        kept("x"),
                        new NearVerdict("k-b", "b", "a", 1.0, "a"),
                        new NearVerdict("k-c", "c", "a", 0.75, "a"));
    }

    @Test
    void tiesInEventTimeAreBrokenById() throws Exception {
        open(Mode.DROP);
        probe("z", 100, A);
        probe("m", 100, A_NEAR);
        harness.processWatermark(100);

        assertThat(verdicts())
                .containsExactly(kept("m"), new NearVerdict("k-z", "z", "m", 0.75, "m"));
    }

    @Test
    void dropModeComparesWithKeptRecordsOnly() throws Exception {
        open(Mode.DROP);
        probe("a", 100, A);
        probe("b", 200, B_NEAR_A);
        probe("c", 300, C_NEAR_B); // similar to b only, and b was dropped
        harness.processWatermark(1_000);

        assertThat(verdicts())
                .containsExactly(kept("a"), new NearVerdict("k-b", "b", "a", 0.5, "a"), kept("c"));
    }

    @Test
    void groupModeKeepsEverythingAndChainsTheRepresentative() throws Exception {
        open(Mode.GROUP);
        probe("a", 100, A);
        probe("b", 200, B_NEAR_A);
        probe("c", 300, C_NEAR_B);
        probe("x", 400, OTHER);
        harness.processWatermark(1_000);

        assertThat(verdicts())
                .containsExactly(
                        kept("a"),
                        new NearVerdict("k-b", "b", "a", 0.5, "a"),
                        new NearVerdict("k-c", "c", "b", 0.5, "a"),
                        kept("x"));
    }

    @Test
    void recordsFurtherApartThanTheWindowAreBothKept() throws Exception {
        open(Mode.DROP);
        probe("a", 0, A);
        probe("b", WINDOW, A);
        probe("c", WINDOW + 1, A);
        probe("d", 2 * WINDOW + 1, A);
        harness.processWatermark(10 * WINDOW);

        assertThat(verdicts())
                .containsExactly(
                        kept("a"),
                        new NearVerdict("k-b", "b", "a", 1.0, "a"),
                        kept("c"),
                        new NearVerdict("k-d", "d", "c", 1.0, "c"));
    }

    @Test
    void nothingIsDecidedBeforeTheWatermarkPassesTheRecord() throws Exception {
        open(Mode.DROP);
        probe("a", 100, A);
        harness.processWatermark(99);
        assertThat(verdicts()).isEmpty();
        harness.processWatermark(100);
        assertThat(verdicts()).containsExactly(kept("a"));
    }

    @Test
    void stateAndTimersAreClearedOnceTheWindowHasPassed() throws Exception {
        open(Mode.GROUP);
        probe("a", 100, A);
        probe("b", 150, A_NEAR);
        probe("x", 400, OTHER);
        harness.processWatermark(500);
        assertThat(stateEntries()).isPositive();
        assertThat(harness.numEventTimeTimers()).isPositive();

        harness.processWatermark(400 + WINDOW);
        assertThat(stateEntries()).isPositive(); // x is still within its window

        harness.processWatermark(400 + WINDOW + 1);
        assertThat(stateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(operator.bandEntriesInMemory()).isZero();
    }

    @Test
    void onTheHeapBackendOnlyTheRepresentativesAreStateAndTheBandsAreInMemory() throws Exception {
        open(Mode.DROP);
        probe("a", 100, A);
        probe("x", 150, OTHER);
        harness.processWatermark(200);
        // a and x under their event times; their 4 band keys each are derived, not checkpointed
        assertThat(stateEntries()).isEqualTo(2);
        assertThat(operator.bandEntriesInMemory()).isEqualTo(4 + 4);

        probe("b", 300, A_NEAR); // a near duplicate of a: judged, not remembered
        assertThat(stateEntries()).isEqualTo(2 + 1); // b waits
        harness.processWatermark(300);
        assertThat(stateEntries()).isEqualTo(2);
        assertThat(operator.bandEntriesInMemory()).isEqualTo(4 + 4);
        assertThat(verdicts()).contains(new NearVerdict("k-b", "b", "a", 0.75, "a"));

        harness.processWatermark(300 + WINDOW + 1);
        assertThat(stateEntries()).isZero();
        assertThat(operator.bandEntriesInMemory()).isZero();
    }

    @Test
    void onRocksDbTheIndexIsOneStateEntryPerBandKeyAndPerEventTime() throws Exception {
        harness = newHarness(Mode.DROP, Backend.ROCKSDB);
        harness.open();
        probe("a", 100, A);
        probe("x", 150, OTHER);
        harness.processWatermark(200);
        // 4 band keys each, none shared, plus a and x under their event times: a lookup reads only
        // the entries a record needs, and the index may outgrow the heap
        assertThat(stateEntries()).isEqualTo(4 + 4 + 2);
        assertThat(operator.bandEntriesInMemory()).isZero();

        probe("b", 300, A_NEAR);
        harness.processWatermark(300);
        assertThat(verdicts()).contains(new NearVerdict("k-b", "b", "a", 0.75, "a"));
        harness.processWatermark(300 + WINDOW + 1);
        assertThat(stateEntries()).isZero();
    }

    /**
     * A savepoint may move between backends (or come from a version that kept band entries in state
     * on the heap too): the heap backend drops restored band entries and derives its own, RocksDB
     * rebuilds the ones a heap snapshot does not have.
     */
    @Test
    void aRestoreOnTheOtherBackendReconcilesTheBandEntries() throws Exception {
        for (Backend from : Backend.values()) {
            Backend to = from == Backend.HEAP ? Backend.ROCKSDB : Backend.HEAP;
            harness = newHarness(Mode.DROP, from);
            harness.open();
            probe("a", 100, A);
            probe("x", 150, OTHER);
            harness.processWatermark(200);
            OperatorSubtaskState snapshot = savepoint(1L);
            harness.close();

            harness = newHarness(Mode.DROP, to);
            harness.setup();
            harness.initializeState(snapshot);
            harness.open();
            String restore = from + " to " + to;
            if (to == Backend.HEAP) {
                assertThat(stateEntries()).as(restore).isEqualTo(2);
                assertThat(operator.bandEntriesInMemory()).as(restore).isEqualTo(4 + 4);
            } else {
                assertThat(stateEntries()).as(restore).isEqualTo(4 + 4 + 2);
            }
            probe("b", 300, A_NEAR);
            harness.processWatermark(300 + WINDOW + 1);
            assertThat(verdicts())
                    .as(restore)
                    .containsExactly(new NearVerdict("k-b", "b", "a", 0.75, "a"));
            assertThat(stateEntries()).as(restore).isZero();
            assertThat(operator.bandEntriesInMemory()).as(restore).isZero();
            harness.close();
            harness = null;
        }
    }

    @Test
    void refusesToRunWithMoreThanOneSubtask() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new NearDedupIndexOperator(
                                new TestingNearDuplicateModel(),
                                Duration.ofMillis(WINDOW),
                                Mode.DROP,
                                null),
                        NearDedupKeys.index(),
                        Types.LONG,
                        128,
                        2,
                        0);
        assertThatThrownBy(harness::open)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parallelism 1");
    }

    @Test
    void pendingProbesAndRepresentativesSurviveSnapshotAndRestore() throws Exception {
        open(Mode.DROP);
        probe("a", 100, A);
        harness.processWatermark(200);
        probe("c", 400, A_NEAR);
        probe("b", 300, OTHER);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness(Mode.DROP);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        probe("d", 350, A);
        harness.processWatermark(2_000);

        assertThat(verdicts())
                .containsExactly( // a was decided before the snapshot
                        kept("b"),
                        new NearVerdict("k-d", "d", "a", 1.0, "a"),
                        new NearVerdict("k-c", "c", "a", 0.75, "a"));
        harness.processWatermark(400 + WINDOW + 1);
        assertThat(stateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void snapshotsAndRestoresAnywhereDoNotChangeTheVerdicts() throws Exception {
        for (Mode mode : Mode.values()) {
            List<NearVerdict> straight = replay(mode, 0);
            List<NearVerdict> restored = replay(mode, 7);
            assertThat(straight).hasSizeGreaterThan(300);
            assertThat(straight.stream().filter(NearVerdict::isNearDuplicate)).isNotEmpty();
            assertThat(restored).as(mode.name()).containsExactlyElementsOf(straight);
            assertThat(replay(mode, 0, Backend.ROCKSDB))
                    .as(mode.name() + " on RocksDB")
                    .containsExactlyElementsOf(straight);
        }
    }

    /**
     * Feeds the same pseudo-random stream (disordered arrivals, watermarks) and returns the
     * verdicts; with {@code restoreEvery > 0} the operator is snapshotted, closed and restored into
     * a new one after every that many steps. Ends with all state expired.
     */
    private List<NearVerdict> replay(Mode mode, int restoreEvery) throws Exception {
        return replay(mode, restoreEvery, Backend.HEAP);
    }

    /**
     * {@link #replay(Mode, int)} starting on {@code backend}; every third restore moves to the
     * other backend and back.
     */
    private List<NearVerdict> replay(Mode mode, int restoreEvery, Backend backend)
            throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        List<NearVerdict> out = new ArrayList<>();
        harness = newHarness(mode, backend);
        harness.open();
        long watermark = 0;
        for (int step = 1; step <= 400; step++) {
            // Disordered, but never behind the watermark: a restored operator's watermark starts
            // again from the beginning, so a late probe may then be judged as an on-time one.
            long time = watermark + 1 + random.nextInt(400);
            byte[] signature =
                    sig(random.nextInt(3), random.nextInt(3), random.nextInt(4), random.nextInt(4));
            probe("r" + step, time, signature);
            if (step % 5 == 0) {
                watermark += random.nextInt(0, 300);
                harness.processWatermark(watermark);
            }
            if (restoreEvery > 0 && step % restoreEvery == 0) {
                out.addAll(verdicts());
                boolean switchBackend = step % (3 * restoreEvery) == 0;
                // a checkpoint restores on the same backend only; a savepoint on any
                OperatorSubtaskState snapshot =
                        switchBackend ? savepoint(step) : harness.snapshot(step, step);
                harness.close();
                if (switchBackend) {
                    backend = backend == Backend.HEAP ? Backend.ROCKSDB : Backend.HEAP;
                }
                harness = newHarness(mode, backend);
                harness.setup();
                harness.initializeState(snapshot);
                harness.open();
            }
        }
        harness.processWatermark(Long.MAX_VALUE);
        out.addAll(verdicts());
        assertThat(stateEntries()).isZero();
        assertThat(operator.bandEntriesInMemory()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        return out;
    }

    @Test
    void lateProbesAreJudgedAtOnceAgainstRepresentativesOnEitherSide() throws Exception {
        open(Mode.DROP);
        probe("b", 500, A);
        harness.processWatermark(600);
        probe("a", 100, A_NEAR); // late, within the window before b
        probe("x", 50, OTHER); // late, similar to nothing

        assertThat(verdicts())
                .containsExactly(kept("b"), new NearVerdict("k-a", "a", "b", 0.75, "b"), kept("x"));
        harness.processWatermark(10 * WINDOW);
        assertThat(stateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void worksWithTheRealTextModel() throws Exception {
        MinHashModel model = MinHashModel.withOptimalBanding(5, 128, 0.8, 42);
        String text = String.join(" ", words(60));
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new NearDedupIndexOperator(
                                model, Duration.ofMillis(WINDOW), Mode.DROP, null),
                        NearDedupKeys.index(),
                        Types.LONG);
        harness.open();
        probe("a", 10, model.signature(text));
        probe("b", 20, model.signature(text + " and one more word"));
        probe("c", 30, model.signature("a different text altogether, nothing alike at all"));
        harness.processWatermark(100);

        List<NearVerdict> verdicts = verdicts();
        assertThat(verdicts).extracting(NearVerdict::duplicateOf).containsExactly(null, "a", null);
        assertThat(verdicts.get(1).similarity()).isGreaterThan(0.8);
    }

    private static List<String> words(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> "word" + (i * 7919 % 1000))
                .collect(Collectors.toList());
    }

    private void open(Mode mode) throws Exception {
        harness = newHarness(mode);
        harness.open();
    }

    private KeyedOneInputStreamOperatorTestHarness<Long, NearProbe, NearVerdict> newHarness(
            Mode mode) throws Exception {
        return newHarness(mode, Backend.HEAP);
    }

    private KeyedOneInputStreamOperatorTestHarness<Long, NearProbe, NearVerdict> newHarness(
            Mode mode, Backend backend) throws Exception {
        operator =
                new NearDedupIndexOperator(
                        new TestingNearDuplicateModel(),
                        Duration.ofMillis(WINDOW),
                        mode,
                        Duration.ofDays(7));
        KeyedOneInputStreamOperatorTestHarness<Long, NearProbe, NearVerdict> created =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        operator, NearDedupKeys.index(), Types.LONG);
        if (backend == Backend.ROCKSDB) {
            created.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        return created;
    }

    /** A savepoint in the canonical format, which any backend restores. */
    private OperatorSubtaskState savepoint(long id) throws Exception {
        return harness.snapshotWithLocalState(
                        id, id, SavepointType.savepoint(SavepointFormatType.CANONICAL))
                .getJobManagerOwnedState();
    }

    /** Keyed state entries (keys with a value) of every state, on any backend. */
    private long stateEntries() {
        KeyedStateBackend<Long> backend = operator.getKeyedStateBackend();
        long entries = 0;
        for (String state :
                List.of(
                        KeyedNearIndexState.PENDING,
                        KeyedNearIndexState.MEMBERS,
                        KeyedNearIndexState.BANDS)) {
            try (java.util.stream.Stream<Long> keys =
                    backend.getKeys(state, VoidNamespace.INSTANCE)) {
                entries += keys.count();
            }
        }
        return entries;
    }

    private enum Backend {
        HEAP,
        ROCKSDB
    }

    private void probe(String id, long time, byte[] signature) throws Exception {
        harness.processElement(new NearProbe("k-" + id, id, time, signature), time);
    }

    private List<NearVerdict> verdicts() {
        return harness.extractOutputValues();
    }

    private static NearVerdict kept(String id) {
        return new NearVerdict("k-" + id, id, null, 0.0, id);
    }
}

package io.streamprep.operators.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.TextEvent;
import io.streamprep.schemas.records.TextRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaneSamplerTest {

    private static final long SEED = 42;
    private static final TextBalanceAccess TEXT = TextBalanceAccess.INSTANCE;

    @Test
    void underSamplingKeepsExactlyTheRoundedShareAndRoutesTheRestOut() {
        List<TextEvent> records = events(1000);

        PaneSampler.Outcome<TextEvent> outcome =
                PaneSampler.decide(records, TEXT, 0.1234, 4.0, SEED);

        assertThat(outcome.kept()).hasSize(123);
        assertThat(outcome.sampledOut()).hasSize(877);
        assertThat(outcome.extraVariants()).isZero();
        assertThat(outcome.kept()).allMatch(e -> e.extraVariants() == 0);
        List<TextEvent> all = new ArrayList<>(outcome.kept());
        all.addAll(outcome.sampledOut());
        assertThat(all).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void theDecisionDependsOnThePaneContentNotTheArrivalOrder() {
        List<TextEvent> records = events(500);
        List<TextEvent> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(1));

        assertThat(PaneSampler.decide(shuffled, TEXT, 0.3, 4.0, SEED))
                .isEqualTo(PaneSampler.decide(records, TEXT, 0.3, 4.0, SEED));
        assertThat(PaneSampler.decide(shuffled, TEXT, 2.7, 4.0, SEED))
                .isEqualTo(PaneSampler.decide(records, TEXT, 2.7, 4.0, SEED));
    }

    @Test
    void anotherSeedPicksOtherRecords() {
        List<TextEvent> records = events(500);

        assertThat(PaneSampler.decide(records, TEXT, 0.5, 4.0, 1).kept())
                .isNotEqualTo(PaneSampler.decide(records, TEXT, 0.5, 4.0, 2).kept());
    }

    @Test
    void overSamplingKeepsEveryRecordAndSpreadsTheExtraVariants() {
        List<TextEvent> records = events(10);

        PaneSampler.Outcome<TextEvent> outcome = PaneSampler.decide(records, TEXT, 2.35, 4.0, SEED);

        // round(23.5) = 24 records out: 10 originals and 14 variants, 1 or 2 per record.
        assertThat(outcome.sampledOut()).isEmpty();
        assertThat(outcome.kept()).hasSize(10);
        assertThat(outcome.extraVariants()).isEqualTo(14);
        assertThat(outcome.kept().stream().mapToInt(TextEvent::extraVariants).sum()).isEqualTo(14);
        assertThat(outcome.kept()).allMatch(e -> e.extraVariants() == 1 || e.extraVariants() == 2);
        assertThat(outcome.kept().stream().map(TextEvent::id))
                .containsExactlyInAnyOrderElementsOf(records.stream().map(TextEvent::id).toList());
    }

    @Test
    void theMaxFactorBoundsTheExtraVariants() {
        List<TextEvent> records = events(3);

        PaneSampler.Outcome<TextEvent> outcome = PaneSampler.decide(records, TEXT, 9.0, 2.5, SEED);

        // 3 records at most 2.5 each: 7 records, so 4 extra variants.
        assertThat(outcome.extraVariants()).isEqualTo(4);
        assertThat(outcome.kept()).hasSize(3);
    }

    @Test
    void aRateOfOneChangesNothing() {
        List<TextEvent> records = events(7);

        PaneSampler.Outcome<TextEvent> outcome = PaneSampler.decide(records, TEXT, 1.0, 4.0, SEED);

        assertThat(outcome.kept()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(outcome.sampledOut()).isEmpty();
    }

    static List<TextEvent> events(int n) {
        List<TextEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event("r" + i, "label", 1000 + i));
        }
        return events;
    }

    static TextEvent event(String id, String label, long ts) {
        String text = "text of " + id;
        return new TextEvent(
                new TextRecord(id, ts, text, label, null),
                ts,
                "test:" + id,
                text.getBytes(StandardCharsets.UTF_8),
                "fp-" + id);
    }
}

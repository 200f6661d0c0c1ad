package io.streamprep.operators.balance;

import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The key of {@link BalanceFunction}: one (class, pane). Keying by pane as well as class spreads a
 * frequent class over all subtasks and lets each pane's records live in one append-only list.
 */
public final class PaneKeys {

    private PaneKeys() {}

    /** The key of the records of {@code label} in the pane ending at {@code paneEnd}. */
    public static String of(long paneEnd, String label) {
        return paneEnd + "|" + label;
    }

    /** Keys records by (pane, label). */
    public static KeySelector<TextEvent, String> records(BalanceSettings settings) {
        return new RecordKey(settings);
    }

    /** Keys rates by (pane, label). */
    public static KeySelector<ClassRate, String> rates() {
        return new RateKey();
    }

    private static final class RecordKey implements KeySelector<TextEvent, String> {
        private static final long serialVersionUID = 1L;
        private final BalanceSettings settings;

        RecordKey(BalanceSettings settings) {
            this.settings = settings;
        }

        @Override
        public String getKey(TextEvent event) {
            return of(settings.paneEnd(event.eventTime()), event.record().label());
        }
    }

    private static final class RateKey implements KeySelector<ClassRate, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ClassRate rate) {
            return of(rate.paneEnd(), rate.label());
        }
    }
}

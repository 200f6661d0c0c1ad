package io.streamprep.operators.balance;

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
    public static <E> KeySelector<E, String> records(
            BalanceSettings settings, BalanceAccess<E> access) {
        return new RecordKey<>(settings, access);
    }

    /** Keys records by label: the key of {@link ClassCountFunction}. */
    public static <E> KeySelector<E, String> labels(BalanceAccess<E> access) {
        return new LabelKey<>(access);
    }

    /** Keys rates by (pane, label). */
    public static KeySelector<ClassRate, String> rates() {
        return new RateKey();
    }

    private static final class RecordKey<E> implements KeySelector<E, String> {
        private static final long serialVersionUID = 1L;
        private final BalanceSettings settings;
        private final BalanceAccess<E> access;

        RecordKey(BalanceSettings settings, BalanceAccess<E> access) {
            this.settings = settings;
            this.access = access;
        }

        @Override
        public String getKey(E event) {
            return of(settings.paneEnd(access.eventTime(event)), access.label(event));
        }
    }

    private static final class LabelKey<E> implements KeySelector<E, String> {
        private static final long serialVersionUID = 1L;
        private final BalanceAccess<E> access;

        LabelKey(BalanceAccess<E> access) {
            this.access = access;
        }

        @Override
        public String getKey(E event) {
            return access.label(event);
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

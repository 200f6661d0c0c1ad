package io.streamprep.operators.balance;

import io.streamprep.schemas.records.TextEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Class balancing of {@link TextEvent}s: label of the parsed record, ties ordered by the text. The
 * record type information is Flink's POJO type of {@link TextEvent}, as the text pipeline's
 * balancing state has always used.
 */
public enum TextBalanceAccess implements BalanceAccess<TextEvent> {
    INSTANCE;

    @Override
    public TypeInformation<TextEvent> type() {
        return TypeInformation.of(TextEvent.class);
    }

    @Override
    public String id(TextEvent record) {
        return record.id();
    }

    @Override
    public String label(TextEvent record) {
        return record.record().label();
    }

    @Override
    public long eventTime(TextEvent record) {
        return record.eventTime();
    }

    @Override
    public String content(TextEvent record) {
        return record.text();
    }

    @Override
    public int extraVariants(TextEvent record) {
        return record.extraVariants();
    }

    @Override
    public TextEvent withExtraVariants(TextEvent record, int extra) {
        return record.withExtraVariants(extra);
    }
}

package io.streamprep.operators.balance;

import io.streamprep.schemas.records.ImageEvent;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Class balancing of normalized {@link ImageEvent}s: ties ordered by the pixel fingerprint. The
 * pending images are held in state with their decoded pixels until their pane is decided.
 */
public enum ImageBalanceAccess implements BalanceAccess<ImageEvent> {
    INSTANCE;

    @Override
    public TypeInformation<ImageEvent> type() {
        return TypeInformation.of(ImageEvent.class);
    }

    @Override
    public String id(ImageEvent record) {
        return record.id();
    }

    @Override
    public String label(ImageEvent record) {
        return record.label();
    }

    @Override
    public long eventTime(ImageEvent record) {
        return record.eventTime();
    }

    @Override
    public String content(ImageEvent record) {
        return Objects.toString(record.fingerprint(), "");
    }

    @Override
    public int extraVariants(ImageEvent record) {
        return record.extraVariants();
    }

    @Override
    public ImageEvent withExtraVariants(ImageEvent record, int extra) {
        return record.withExtraVariants(extra);
    }
}

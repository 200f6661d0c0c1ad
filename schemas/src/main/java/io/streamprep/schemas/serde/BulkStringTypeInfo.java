package io.streamprep.schemas.serde;

import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeutils.base.StringComparator;

/**
 * Type information for strings serialized by {@link BulkStringSerializer}: a key type like {@code
 * Types.STRING}, for {@code keyBy} and state descriptors whose strings are written in every
 * snapshot.
 */
public final class BulkStringTypeInfo extends BasicTypeInfo<String> {

    private static final long serialVersionUID = 1L;

    public static final BulkStringTypeInfo INSTANCE = new BulkStringTypeInfo();

    private BulkStringTypeInfo() {
        super(
                String.class,
                new Class<?>[] {},
                BulkStringSerializer.INSTANCE,
                StringComparator.class);
    }
}

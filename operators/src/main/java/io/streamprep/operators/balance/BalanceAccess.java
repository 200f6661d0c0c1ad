package io.streamprep.operators.balance;

import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * How class balancing reads and marks one record type. The balancing operators are generic over the
 * record and see it only through this, so text and image records share one implementation ({@link
 * TextBalanceAccess}, {@link ImageBalanceAccess}).
 *
 * <p>Implementations are stateless and serializable; every method is a pure function of the record.
 *
 * @param <E> the record type
 */
public interface BalanceAccess<E> extends Serializable {

    /** The record type, for the pending-records state and the operators' output type. */
    TypeInformation<E> type();

    /** The record's id (ranks records within a pane, with the seed). */
    String id(E record);

    /** The class label, or {@code null} for an unlabelled record. */
    String label(E record);

    /** Event time in epoch millis; decides the record's pane. */
    long eventTime(E record);

    /**
     * The record's content as text, used only to order records whose hash and id are equal, so the
     * ranking never depends on arrival order.
     */
    String content(E record);

    /** Extra augmented variants already requested for the record. */
    int extraVariants(E record);

    /** The record with {@code extra} extra augmented variants requested. */
    E withExtraVariants(E record, int extra);
}

package io.streamprep.operators.dedup.near;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The index's decision on one record.
 *
 * @param key the join key of the record (from its {@link NearProbe})
 * @param id the record's id
 * @param duplicateOf the earliest similar representative within the window, or {@code null}
 * @param similarity the similarity to {@code duplicateOf}, 0 when there is none
 * @param representative the id of the record's cluster representative (its own id when it is not
 *     similar to any representative)
 */
@TypeInfo(NearVerdictSerializer.Factory.class)
public record NearVerdict(
        String key, String id, String duplicateOf, double similarity, String representative) {

    public NearVerdict {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(representative, "representative");
    }

    public boolean isNearDuplicate() {
        return duplicateOf != null;
    }
}

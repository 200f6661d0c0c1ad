package io.streamprep.operators.dedup.near;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the near-dedup index sees of a record: its order and its signature, never its content.
 *
 * @param key the key that joins the verdict back to the buffered record (see {@link NearDedupKeys})
 * @param id the record's id (ties in event time are broken by it; named in {@code duplicate_of})
 * @param eventTime the record's event time
 * @param signature the model's signature bytes
 */
@TypeInfo(NearProbeSerializer.Factory.class)
public record NearProbe(String key, String id, long eventTime, byte[] signature) {

    /** The order in which records are judged: event time, then id. */
    public static final Comparator<NearProbe> ORDER =
            Comparator.comparingLong(NearProbe::eventTime).thenComparing(NearProbe::id);

    public NearProbe {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NearProbe p
                && eventTime == p.eventTime
                && key.equals(p.key)
                && id.equals(p.id)
                && Arrays.equals(signature, p.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, id, eventTime, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "NearProbe{id=" + id + ", eventTime=" + eventTime + "}";
    }
}

package io.streamprep.operators.dedup.near;

import java.util.Arrays;
import java.util.Objects;

/**
 * Index state for one representative record while its window lasts: no text, only what the
 * similarity check and the cluster need.
 *
 * @param eventTime its event time
 * @param signature its signature bytes
 * @param representative its cluster representative (its own id unless grouping chained it)
 */
public record NearMember(long eventTime, byte[] signature, String representative) {

    public NearMember {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(representative, "representative");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NearMember m
                && eventTime == m.eventTime
                && Arrays.equals(signature, m.signature)
                && representative.equals(m.representative);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventTime, Arrays.hashCode(signature), representative);
    }
}

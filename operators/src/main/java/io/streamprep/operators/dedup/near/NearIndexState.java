package io.streamprep.operators.dedup.near;

import java.util.List;
import java.util.Map;

/**
 * Storage of the near-dedup index ({@link NearDedupIndexOperator}): probes waiting for the
 * watermark by event time, representatives by event time and id, and the representatives of each
 * LSH band key. Also where timers are registered, because the layout decides under which key a
 * timer lives.
 */
interface NearIndexState {

    void addPending(NearProbe probe) throws Exception;

    /** Removes and returns the probes waiting at {@code eventTime} (empty if none). */
    List<NearProbe> takePending(long eventTime) throws Exception;

    /** The representatives sharing {@code bandKey} (empty if none); callers must not modify it. */
    List<MemberRef> band(long bandKey) throws Exception;

    void addToBand(long bandKey, MemberRef ref) throws Exception;

    /** Removes {@code ref} from the band; a band left empty is removed. */
    void removeFromBand(long bandKey, MemberRef ref) throws Exception;

    NearMember member(MemberRef ref) throws Exception;

    void putMember(MemberRef ref, NearMember member) throws Exception;

    /** Removes and returns the representatives of {@code eventTime}, by id (empty if none). */
    Map<String, NearMember> takeMembers(long eventTime) throws Exception;

    /** Registers the event-time timer at {@code timestamp}. */
    void registerTimer(long timestamp) throws Exception;
}

package io.streamprep.operators.dedup.near;

import java.util.List;
import java.util.Map;

/**
 * Storage of the near-dedup index ({@link NearDedupIndexOperator}): probes waiting for the
 * watermark by event time, representatives by event time and id, and for each LSH band key the
 * event times of its representatives (a representative is found by its event time, so band entries
 * hold no ids). Also where timers are registered, because the layout decides under which key a
 * timer lives.
 */
interface NearIndexState {

    void addPending(NearProbe probe) throws Exception;

    /**
     * Removes and returns the probes waiting at {@code eventTime}: a list the caller may reorder,
     * empty (and then possibly immutable) if none.
     */
    List<NearProbe> takePending(long eventTime) throws Exception;

    /**
     * The event times of the representatives with {@code bandKey}, each once (empty if none);
     * callers must not modify it.
     */
    long[] band(long bandKey) throws Exception;

    /** Adds {@code eventTime} to the band unless it is there already. */
    void addToBand(long bandKey, long eventTime) throws Exception;

    /** Removes {@code eventTime} from the band; a band left empty is removed. */
    void removeFromBand(long bandKey, long eventTime) throws Exception;

    /**
     * The representatives of {@code eventTime} as (id, member) entries, empty if none; valid until
     * the next call on this state.
     */
    Iterable<Map.Entry<String, NearMember>> members(long eventTime) throws Exception;

    /** The representative with {@code id} at {@code eventTime}, or {@code null}. */
    NearMember member(long eventTime, String id) throws Exception;

    void putMember(long eventTime, String id, NearMember member) throws Exception;

    /** Removes and returns the representatives of {@code eventTime}, by id (empty if none). */
    Map<String, NearMember> takeMembers(long eventTime) throws Exception;

    /** How many (band key, event time) entries are held in memory rather than in keyed state. */
    int bandEntriesInMemory();

    /** Registers the event-time timer at {@code timestamp}. */
    void registerTimer(long timestamp) throws Exception;

    /** {@code times} with {@code time} added (the same array if it was there already). */
    static long[] with(long[] times, long time) {
        if (times == null) {
            return new long[] {time};
        }
        for (long t : times) {
            if (t == time) {
                return times;
            }
        }
        long[] more = java.util.Arrays.copyOf(times, times.length + 1);
        more[times.length] = time;
        return more;
    }

    /**
     * {@code times} without {@code time}: the same array if it was not there, {@code null} if none
     * is left.
     */
    static long[] without(long[] times, long time) {
        if (times == null) {
            return null;
        }
        for (int i = 0; i < times.length; i++) {
            if (times[i] == time) {
                if (times.length == 1) {
                    return null;
                }
                long[] fewer = new long[times.length - 1];
                System.arraycopy(times, 0, fewer, 0, i);
                System.arraycopy(times, i + 1, fewer, i, times.length - i - 1);
                return fewer;
            }
        }
        return times;
    }
}

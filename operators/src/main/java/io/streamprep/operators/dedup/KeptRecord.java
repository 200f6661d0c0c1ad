package io.streamprep.operators.dedup;

/**
 * Dedup state: the latest record kept for one fingerprint.
 *
 * @param eventTime its event time
 * @param id its id, which later duplicates name in {@code duplicate_of}
 */
public record KeptRecord(long eventTime, String id) {}

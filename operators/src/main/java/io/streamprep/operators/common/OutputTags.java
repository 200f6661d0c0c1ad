package io.streamprep.operators.common;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.SampledOutRecord;
import org.apache.flink.util.OutputTag;

/** The side outputs every stage shares: nothing a stage rejects may leave by any other way. */
public final class OutputTags {

    /** Rejected records, with reason code and original bytes. */
    public static final OutputTag<DeadLetterRecord> DEAD_LETTERS =
            new OutputTag<>("dead-letters") {};

    /** Records dropped as duplicates, with the id they duplicated. */
    public static final OutputTag<DuplicateRecord> DUPLICATES = new OutputTag<>("duplicates") {};

    /** Records left out by class balancing, with their class and pane. */
    public static final OutputTag<SampledOutRecord> SAMPLED_OUT = new OutputTag<>("sampled-out") {};

    private OutputTags() {}
}

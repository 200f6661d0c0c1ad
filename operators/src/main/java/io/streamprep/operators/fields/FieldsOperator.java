package io.streamprep.operators.fields;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.TextEvent;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The structured-fields stage: runs {@link FieldProcessor} on every event's {@code meta} and emits
 * the event with its features, or a dead letter (stage {@code fields}, reason {@code wrong_type},
 * {@code missing_field} or {@code outlier}, original bytes) to {@link OutputTags#DEAD_LETTERS}.
 *
 * <p>Each parallel subtask keeps its running statistics in operator state (checkpointed, merged
 * when restored at another parallelism). With frozen statistics the output does not depend on order
 * or parallelism; with online statistics it does (documented in the README). When the input ends,
 * the subtask's statistics go to {@link #STATS} for the statistics file.
 */
public class FieldsOperator extends AbstractStreamOperator<TextEvent>
        implements OneInputStreamOperator<TextEvent, TextEvent>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    /** The {@code stage} written to dead letters from this operator. */
    public static final String STAGE = "fields";

    /** Serialized {@link FieldStatistics} of each subtask, emitted at the end of input. */
    public static final OutputTag<byte[]> STATS =
            new OutputTag<>("field-stats", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private final List<FieldSpec> specs;
    private final FrozenStats frozen;
    private final int minCount;

    private transient FieldStatistics observed;
    private transient FieldProcessor processor;
    private transient ListState<byte[]> state;
    private transient PipelineCounters deadLetters;
    private transient PipelineCounters counters;

    /**
     * @param frozen frozen statistics, or null for online statistics
     * @param minCount online mode: observed values needed before outliers are judged
     */
    public FieldsOperator(List<FieldSpec> specs, FrozenStats frozen, int minCount) {
        this.specs = List.copyOf(specs);
        this.frozen = frozen;
        this.minCount = minCount;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        state =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "field-stats",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        observed = new FieldStatistics(specs);
        if (context.isRestored()) {
            for (byte[] partial : state.get()) {
                observed.merge(FieldStatistics.fromBytes(specs, partial));
            }
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        processor =
                new FieldProcessor(specs, frozen != null ? frozen : observed, observed, minCount);
        deadLetters = new PipelineCounters(getRuntimeContext(), "dlq");
        counters = new PipelineCounters(getRuntimeContext(), "fields");
    }

    @Override
    public void processElement(StreamRecord<TextEvent> element) {
        TextEvent event = element.getValue();
        FieldOutcome outcome = processor.process(event.record().meta(), event.features());
        if (!outcome.isAccepted()) {
            output.collect(
                    OutputTags.DEAD_LETTERS,
                    element.replace(
                            DeadLetterRecord.of(
                                    outcome.reason(), outcome.message(), STAGE, event)));
            deadLetters.inc(outcome.reason().code());
            return;
        }
        if (outcome.imputed() > 0) {
            counters.add("imputed", outcome.imputed());
        }
        if (outcome.outliers() > 0) {
            counters.add("outliers", outcome.outliers());
        }
        output.collect(element.replace(event.withFeatures(outcome.features())));
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        state.update(List.of(observed.toBytes()));
    }

    @Override
    public void endInput() {
        output.collect(STATS, new StreamRecord<>(observed.toBytes()));
    }

    /** The running statistics (for tests). */
    FieldStatistics observed() {
        return observed;
    }
}

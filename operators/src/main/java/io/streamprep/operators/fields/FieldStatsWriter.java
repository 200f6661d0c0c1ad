package io.streamprep.operators.fields;

import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Merges the subtasks' {@link FieldsOperator#STATS} and, when the input ends, writes the {@code
 * field-stats.json} document (overwriting). Runs at parallelism 1. Partials are merged in byte
 * order, so the same partials always give the same file. Nothing is written for an unbounded input.
 */
public class FieldStatsWriter extends AbstractStreamOperator<Void>
        implements OneInputStreamOperator<byte[], Void>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final List<FieldSpec> specs;
    private final String path;

    private transient List<byte[]> partials;
    private transient ListState<byte[]> state;

    public FieldStatsWriter(List<FieldSpec> specs, String path) {
        this.specs = List.copyOf(specs);
        this.path = path;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        state =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "partials",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        partials = new ArrayList<>();
        for (byte[] partial : state.get()) {
            partials.add(partial);
        }
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) {
        partials.add(element.getValue());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        state.update(partials);
    }

    @Override
    public void endInput() throws IOException {
        List<byte[]> sorted = new ArrayList<>(partials);
        sorted.sort(Arrays::compare);
        FieldStatistics merged = new FieldStatistics(specs);
        for (byte[] partial : sorted) {
            merged.merge(FieldStatistics.fromBytes(specs, partial));
        }
        Path file = new Path(path);
        FileSystem fs = file.getFileSystem();
        if (file.getParent() != null) {
            fs.mkdirs(file.getParent());
        }
        byte[] json =
                (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(merged.toJson())
                                + "\n")
                        .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = fs.create(file, FileSystem.WriteMode.OVERWRITE)) {
            out.write(json);
        }
    }
}

package io.streamprep.operators.io.file;

import io.streamprep.schemas.records.TrainingRecord;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts training records in one folder per split: {@code train/}, {@code validation/}, {@code
 * test/}.
 */
public final class SplitBucketAssigner implements BucketAssigner<TrainingRecord, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(TrainingRecord element, Context context) {
        return element.split();
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}

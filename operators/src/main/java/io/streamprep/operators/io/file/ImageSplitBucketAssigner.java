package io.streamprep.operators.io.file;

import io.streamprep.schemas.records.ImageTrainingRecord;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Puts image training records in one folder per split, as {@link SplitBucketAssigner} does. */
public final class ImageSplitBucketAssigner implements BucketAssigner<ImageTrainingRecord, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(ImageTrainingRecord element, Context context) {
        return element.split();
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}

package io.streamprep.jobs.runtime.checkpoint;

import java.io.IOException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.state.CheckpointStorage;
import org.apache.flink.runtime.state.CheckpointStorageAccess;
import org.apache.flink.runtime.state.CompletedCheckpointStorageLocation;

/**
 * Flink's checkpoint storage (file system, or the JobManager's memory without a checkpoint
 * directory) with every task's snapshot writes paced to a rate shared by the process: see {@link
 * ThrottledCheckpointStorageFactory}. What is written, where, and how it is restored are the
 * delegate's; only how fast changes.
 */
public final class ThrottledCheckpointStorage implements CheckpointStorage {

    private static final long serialVersionUID = 1L;

    private final CheckpointStorage delegate;
    private final long bytesPerSecond;

    ThrottledCheckpointStorage(CheckpointStorage delegate, long bytesPerSecond) {
        this.delegate = delegate;
        this.bytesPerSecond = bytesPerSecond;
    }

    /** The storage that holds the checkpoints. */
    public CheckpointStorage delegate() {
        return delegate;
    }

    /** The pace of snapshot writes, in bytes per second and process. */
    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    @Override
    public CompletedCheckpointStorageLocation resolveCheckpoint(String externalPointer)
            throws IOException {
        return delegate.resolveCheckpoint(externalPointer);
    }

    @Override
    public CheckpointStorageAccess createCheckpointStorage(JobID jobId) throws IOException {
        return new ThrottledCheckpointStorageAccess(
                delegate.createCheckpointStorage(jobId), WriteRateLimiter.shared(bytesPerSecond));
    }

    @Override
    public String toString() {
        return "ThrottledCheckpointStorage{" + bytesPerSecond + " bytes/s, " + delegate + "}";
    }
}

package io.streamprep.jobs.runtime.checkpoint;

import java.io.IOException;
import org.apache.flink.runtime.checkpoint.filemerging.FileMergingSnapshotManager;
import org.apache.flink.runtime.execution.Environment;
import org.apache.flink.runtime.state.CheckpointStateOutputStream;
import org.apache.flink.runtime.state.CheckpointStateToolset;
import org.apache.flink.runtime.state.CheckpointStorageAccess;
import org.apache.flink.runtime.state.CheckpointStorageLocation;
import org.apache.flink.runtime.state.CheckpointStorageLocationReference;
import org.apache.flink.runtime.state.CheckpointStorageWorkerView;
import org.apache.flink.runtime.state.CheckpointStreamFactory;
import org.apache.flink.runtime.state.CompletedCheckpointStorageLocation;

/**
 * A job's view of the wrapped storage. Tasks write snapshots through paced streams; the
 * coordinator's side (locations, metadata, resolving a checkpoint to restore) is the delegate's
 * unchanged. File merging (FLIP-306) is not offered: Flink manages a merging storage's lifecycle by
 * its concrete type, which a wrapper would hide. Asked for it anyway (a cluster-wide setting), a
 * task logs a warning and writes unmerged files, still paced.
 */
final class ThrottledCheckpointStorageAccess implements CheckpointStorageAccess {

    private final CheckpointStorageAccess delegate;
    private final WriteRateLimiter limiter;

    ThrottledCheckpointStorageAccess(CheckpointStorageAccess delegate, WriteRateLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public CheckpointStreamFactory resolveCheckpointStorageLocation(
            long checkpointId, CheckpointStorageLocationReference reference) throws IOException {
        return new ThrottledStreamFactory(
                delegate.resolveCheckpointStorageLocation(checkpointId, reference), limiter);
    }

    @Override
    public CheckpointStateOutputStream createTaskOwnedStateStream() throws IOException {
        return new ThrottledOutputStream(delegate.createTaskOwnedStateStream(), limiter);
    }

    @Override
    public CheckpointStateToolset createTaskOwnedCheckpointStateToolset() {
        return delegate.createTaskOwnedCheckpointStateToolset();
    }

    @Override
    public CheckpointStorageWorkerView toFileMergingStorage(
            FileMergingSnapshotManager manager, Environment environment) throws IOException {
        // Flink logs this and goes on with this storage, unmerged and still paced.
        throw new IOException(
                "checkpoint file merging cannot be combined with a checkpoint write rate");
    }

    @Override
    public boolean supportsHighlyAvailableStorage() {
        return delegate.supportsHighlyAvailableStorage();
    }

    @Override
    public boolean hasDefaultSavepointLocation() {
        return delegate.hasDefaultSavepointLocation();
    }

    @Override
    public CompletedCheckpointStorageLocation resolveCheckpoint(String externalPointer)
            throws IOException {
        return delegate.resolveCheckpoint(externalPointer);
    }

    @Override
    public void initializeBaseLocationsForCheckpoint() throws IOException {
        delegate.initializeBaseLocationsForCheckpoint();
    }

    @Override
    public CheckpointStorageLocation initializeLocationForCheckpoint(long checkpointId)
            throws IOException {
        return delegate.initializeLocationForCheckpoint(checkpointId);
    }

    @Override
    public CheckpointStorageLocation initializeLocationForSavepoint(
            long checkpointId, String externalLocationPointer) throws IOException {
        return delegate.initializeLocationForSavepoint(checkpointId, externalLocationPointer);
    }
}

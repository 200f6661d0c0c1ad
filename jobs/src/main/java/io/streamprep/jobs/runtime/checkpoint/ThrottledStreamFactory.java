package io.streamprep.jobs.runtime.checkpoint;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.runtime.state.CheckpointStateOutputStream;
import org.apache.flink.runtime.state.CheckpointStreamFactory;
import org.apache.flink.runtime.state.CheckpointedStateScope;
import org.apache.flink.runtime.state.StreamStateHandle;

/** Flink's stream factory of one checkpoint location, with its streams paced. */
final class ThrottledStreamFactory implements CheckpointStreamFactory {

    private final CheckpointStreamFactory delegate;
    private final WriteRateLimiter limiter;

    ThrottledStreamFactory(CheckpointStreamFactory delegate, WriteRateLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public CheckpointStateOutputStream createCheckpointStateOutputStream(
            CheckpointedStateScope scope) throws IOException {
        return new ThrottledOutputStream(
                delegate.createCheckpointStateOutputStream(scope), limiter);
    }

    @Override
    public boolean canFastDuplicate(StreamStateHandle handle, CheckpointedStateScope scope)
            throws IOException {
        return delegate.canFastDuplicate(handle, scope);
    }

    @Override
    public List<StreamStateHandle> duplicate(
            List<StreamStateHandle> handles, CheckpointedStateScope scope) throws IOException {
        return delegate.duplicate(handles, scope);
    }

    @Override
    public void reusePreviousStateHandle(Collection<? extends StreamStateHandle> handles) {
        delegate.reusePreviousStateHandle(handles);
    }

    @Override
    public boolean couldReuseStateHandle(StreamStateHandle handle) {
        return delegate.couldReuseStateHandle(handle);
    }
}

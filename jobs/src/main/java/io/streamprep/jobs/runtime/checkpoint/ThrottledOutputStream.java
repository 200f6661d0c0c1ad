package io.streamprep.jobs.runtime.checkpoint;

import java.io.IOException;
import org.apache.flink.runtime.state.CheckpointStateOutputStream;
import org.apache.flink.runtime.state.StreamStateHandle;

/**
 * A checkpoint stream that writes through to Flink's own and charges the shared {@link
 * WriteRateLimiter} every {@value #CHARGE_EVERY} bytes, so the thread that serializes a snapshot is
 * paced together with its writes. The bytes, the position and the resulting handle are the
 * delegate's: a checkpoint written through it restores like any other.
 */
final class ThrottledOutputStream extends CheckpointStateOutputStream {

    /** Large enough that charging costs nothing per write, small enough for an even pace. */
    static final int CHARGE_EVERY = 64 * 1024;

    private final CheckpointStateOutputStream delegate;
    private final WriteRateLimiter limiter;
    private long uncharged;

    ThrottledOutputStream(CheckpointStateOutputStream delegate, WriteRateLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public void write(int b) throws IOException {
        delegate.write(b);
        wrote(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        delegate.write(b, off, len);
        wrote(len);
    }

    private void wrote(int bytes) throws IOException {
        uncharged += bytes;
        if (uncharged >= CHARGE_EVERY) {
            long due = uncharged;
            uncharged = 0;
            limiter.charge(due);
        }
    }

    @Override
    public StreamStateHandle closeAndGetHandle() throws IOException {
        StreamStateHandle handle = delegate.closeAndGetHandle();
        long due = uncharged;
        uncharged = 0;
        limiter.charge(due);
        return handle;
    }

    @Override
    public long getPos() throws IOException {
        return delegate.getPos();
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void sync() throws IOException {
        delegate.sync();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}

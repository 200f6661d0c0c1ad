package io.streamprep.jobs.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.state.CheckpointStateOutputStream;
import org.apache.flink.runtime.state.CheckpointedStateScope;
import org.apache.flink.runtime.state.StreamStateHandle;
import org.apache.flink.runtime.state.memory.MemCheckpointStreamFactory;
import org.junit.jupiter.api.Test;

class ThrottledOutputStreamTest {

    @Test
    void writesThroughAndChargesEveryChunk() throws Exception {
        List<Long> sleeps = new ArrayList<>();
        long[] now = {0};
        WriteRateLimiter limiter =
                new WriteRateLimiter(
                        1 << 20,
                        () -> now[0],
                        nanos -> {
                            sleeps.add(nanos);
                            now[0] += nanos;
                        });
        CheckpointStateOutputStream delegate =
                new MemCheckpointStreamFactory(1 << 20)
                        .createCheckpointStateOutputStream(CheckpointedStateScope.EXCLUSIVE);
        byte[] data = new byte[200 * 1024 + 3];
        new Random(7).nextBytes(data);

        StreamStateHandle handle;
        try (ThrottledOutputStream out = new ThrottledOutputStream(delegate, limiter)) {
            out.write(data[0]);
            out.write(data[1]);
            out.write(data[2]);
            for (int off = 3; off < data.length; off += 1024) {
                out.write(data, off, Math.min(1024, data.length - off));
            }
            assertThat(out.getPos()).isEqualTo(data.length);
            // Charged at 64, 128 and 192 KB while writing ...
            assertThat(sleeps).hasSize(3);
            handle = out.closeAndGetHandle();
        }

        // ... and the rest when the stream closes: every byte, once.
        assertThat(sleeps).hasSize(4);
        assertThat(limiter.bytesCharged()).isEqualTo(data.length);
        long paced = (long) (data.length * 1e9 / (1 << 20));
        // Each of the four charges rounds its wait up to the next nanosecond.
        assertThat(now[0]).isBetween(paced, paced + 4);
        try (InputStream in = handle.openInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }
}

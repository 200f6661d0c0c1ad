package io.streamprep.operators.io.file;

import io.streamprep.schemas.records.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.io.compression.InflaterInputStreamFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;

/**
 * Reads JSONL files (optionally compressed: .gz, .bz2, .xz, .deflate) as {@link RawRecord}s, one
 * per non-blank line, positioned as {@code file:<path>:<line>}. Bytes are not decoded here, so
 * invalid UTF-8 reaches the parse stage; lines above {@code maxRecordBytes} are cut and flagged.
 * Blank lines are not records and are skipped (their line numbers still count).
 *
 * <p>Files are not split. The checkpointed position is the number of records already emitted; a
 * restored reader re-reads the file from the start and skips them, exactly like Flink's own line
 * format, so every record is emitted once per successful checkpoint cycle.
 */
public final class JsonLinesFormat implements BulkFormat<RawRecord, FileSourceSplit> {

    private static final long serialVersionUID = 1L;
    private static final int BATCH_RECORDS = 512;
    private static final long BATCH_BYTES = 1 << 20;

    private final int maxRecordBytes;

    public JsonLinesFormat(int maxRecordBytes) {
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("source.max-record-bytes must be positive");
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Reader<RawRecord> createReader(Configuration config, FileSourceSplit split)
            throws IOException {
        return new LinesReader(split.path(), open(split.path()), maxRecordBytes, 0);
    }

    @Override
    public Reader<RawRecord> restoreReader(Configuration config, FileSourceSplit split)
            throws IOException {
        long emitted =
                split.getReaderPosition()
                        .map(CheckpointedPosition::getRecordsAfterOffset)
                        .orElse(0L);
        return new LinesReader(split.path(), open(split.path()), maxRecordBytes, emitted);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }

    private static InputStream open(Path path) throws IOException {
        FSDataInputStream raw = path.getFileSystem().open(path);
        InflaterInputStreamFactory<?> inflater =
                StandardDeCompressors.getDecompressorForFileName(path.getPath());
        return inflater == null ? raw : inflater.create(raw);
    }

    private static final class LinesReader implements Reader<RawRecord> {
        private final String positionPrefix;
        private final InputStream in;
        private final LineReader lines;
        private long emitted;
        private boolean done;

        LinesReader(Path path, InputStream in, int maxBytes, long alreadyEmitted)
                throws IOException {
            this.positionPrefix = "file:" + path.getPath() + ":";
            this.in = in;
            this.lines = new LineReader(in, maxBytes);
            for (long skipped = 0; skipped < alreadyEmitted; ) {
                LineReader.Line line = lines.next();
                if (line == null) {
                    throw new IOException(
                            "Cannot restore "
                                    + path
                                    + ": it has fewer than "
                                    + alreadyEmitted
                                    + " records; was it modified?");
                }
                if (!line.isBlank()) {
                    skipped++;
                }
            }
            this.emitted = alreadyEmitted;
        }

        @Override
        public RecordIterator<RawRecord> readBatch() throws IOException {
            if (done) {
                return null;
            }
            RawRecord[] batch = new RawRecord[BATCH_RECORDS];
            int n = 0;
            long bytes = 0;
            while (n < BATCH_RECORDS && bytes < BATCH_BYTES) {
                LineReader.Line line = lines.next();
                if (line == null) {
                    done = true;
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                batch[n++] =
                        new RawRecord(
                                line.bytes(),
                                line.length(),
                                positionPrefix + line.number(),
                                RawRecord.NO_TIMESTAMP);
                bytes += line.bytes().length;
            }
            if (n == 0) {
                return null;
            }
            ArrayResultIterator<RawRecord> iterator = new ArrayResultIterator<>();
            iterator.set(batch, n, CheckpointedPosition.NO_OFFSET, emitted);
            emitted += n;
            return iterator;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

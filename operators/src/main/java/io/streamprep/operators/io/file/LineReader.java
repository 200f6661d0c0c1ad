package io.streamprep.operators.io.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads '\n'-separated lines as raw bytes, without decoding, so invalid UTF-8 reaches the parse
 * stage intact. A trailing '\r' is dropped; a UTF-8 byte-order mark at the start of the stream is
 * skipped. Lines longer than {@code maxBytes} are cut, reporting their real length, so one huge
 * line cannot exhaust memory.
 *
 * <p>Not thread-safe. Does not close the stream.
 */
public final class LineReader {

    /** One line: its bytes (possibly cut), its real length, and its 1-based line number. */
    public record Line(byte[] bytes, long length, long number) {
        public boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return length == bytes.length;
        }
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private long lineNumber;
    private boolean eof;
    private byte[] line = new byte[256];

    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or {@code null} at the end of the stream. */
    public Line next() throws IOException {
        if (lineNumber == 0 && fill()) {
            skipBom();
        }
        if (pos >= limit && !fill()) {
            return null;
        }
        int kept = 0;
        long length = 0;
        byte last = 0;
        while (pos < limit || fill()) {
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            if (chunk > 0) {
                last = buffer[pos - 1];
                length += chunk;
                int take = Math.min(chunk, maxBytes - kept);
                if (take > 0) {
                    ensureCapacity(kept + take);
                    System.arraycopy(buffer, start, line, kept, take);
                    kept += take;
                }
            }
            if (pos < limit) {
                pos++; // the '\n'
                break;
            }
        }
        lineNumber++;
        if (last == '\r') {
            if (kept == length) {
                kept--;
            }
            length--;
        }
        return new Line(Arrays.copyOf(line, kept), length, lineNumber);
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, Math.min(maxBytes, line.length * 2)));
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos < limit) {
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = n < 0;
            if (n == 0) {
                return fill();
            }
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void skipBom() {
        if (limit - pos >= 3
                && (buffer[pos] & 0xFF) == 0xEF
                && (buffer[pos + 1] & 0xFF) == 0xBB
                && (buffer[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }
}

package io.streamprep.operators.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsLinesAndDropsCarriageReturns() throws IOException {
        List<LineReader.Line> lines = read("a\r\nbb\n\nccc", 100);
        assertThat(lines).extracting(l -> text(l)).containsExactly("a", "bb", "", "ccc");
        assertThat(lines).extracting(LineReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines).extracting(LineReader.Line::length).containsExactly(1L, 2L, 0L, 3L);
    }

    @Test
    void trailingNewlineDoesNotMakeAnExtraLine() throws IOException {
        assertThat(read("a\nb\n", 100)).hasSize(2);
        assertThat(read("", 100)).isEmpty();
    }

    @Test
    void skipsAByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n', 'y'};
        assertThat(read(bom, 100)).extracting(l -> text(l)).containsExactly("x", "y");
    }

    @Test
    void cutsLongLinesButReportsTheirLength() throws IOException {
        List<LineReader.Line> lines = read("0123456789\r\nab\n", 4);
        assertThat(text(lines.get(0))).isEqualTo("0123");
        assertThat(lines.get(0).length()).isEqualTo(10);
        assertThat(text(lines.get(1))).isEqualTo("ab");
        assertThat(lines.get(1).length()).isEqualTo(2);
    }

    @Test
    void handlesLinesAcrossBufferBoundaries() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("line-").append(i).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        List<LineReader.Line> lines = read(b.toString(), 1 << 20);
        assertThat(lines).hasSize(20_000);
        assertThat(text(lines.get(12_345))).isEqualTo("line-12345");
    }

    @Test
    void keepsInvalidUtf8BytesUntouched() throws IOException {
        byte[] bytes = {'a', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThat(read(bytes, 100).get(0).bytes()).containsExactly('a', (byte) 0xC3, (byte) 0x28);
    }

    @Test
    void blankMeansOnlySpacesOrTabs() {
        assertThat(new LineReader.Line(" \t".getBytes(StandardCharsets.UTF_8), 2, 1).isBlank())
                .isTrue();
        assertThat(new LineReader.Line(" x".getBytes(StandardCharsets.UTF_8), 2, 1).isBlank())
                .isFalse();
    }

    private static List<LineReader.Line> read(String s, int max) throws IOException {
        return read(s.getBytes(StandardCharsets.UTF_8), max);
    }

    private static List<LineReader.Line> read(byte[] bytes, int max) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        LineReader reader = new LineReader(in, max);
        List<LineReader.Line> out = new ArrayList<>();
        for (LineReader.Line l = reader.next(); l != null; l = reader.next()) {
            out.add(l);
        }
        return out;
    }

    private static String text(LineReader.Line l) {
        return new String(l.bytes(), StandardCharsets.UTF_8);
    }
}

package io.streamprep.operators.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.RawRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFormatTest {

    @TempDir Path dir;

    @Test
    void readsNonBlankLinesWithTheirPositions() throws IOException {
        Path file = write("a.jsonl", "{\"id\":1}\n\n  \n{\"id\":2}\r\n{\"id\":3}");
        List<RawRecord> records = new ArrayList<>();
        readAll(
                new JsonLinesFormat(100).createReader(new Configuration(), split(file)),
                records,
                null);

        assertThat(records)
                .extracting(JsonLinesFormatTest::text)
                .containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
        String prefix = "file:" + file.toAbsolutePath() + ":";
        assertThat(records)
                .extracting(RawRecord::position)
                .containsExactly(prefix + "1", prefix + "4", prefix + "5");
        assertThat(records).allMatch(r -> r.sourceTimestamp() == RawRecord.NO_TIMESTAMP);
    }

    @Test
    void restoresAfterTheRecordsAlreadyEmitted() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            b.append("{\"id\":").append(i).append("}\n").append(i % 7 == 0 ? "\n" : "");
        }
        Path file = write("big.jsonl", b.toString());
        List<RawRecord> first = new ArrayList<>();
        List<Long> skipCounts = new ArrayList<>();
        readAll(
                new JsonLinesFormat(100).createReader(new Configuration(), split(file)),
                first,
                skipCounts);
        assertThat(first).hasSize(2_000);

        long emitted = skipCounts.get(1234);
        FileSourceSplit restored =
                split(file)
                        .updateWithCheckpointedPosition(
                                new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, emitted));
        List<RawRecord> rest = new ArrayList<>();
        readAll(new JsonLinesFormat(100).restoreReader(new Configuration(), restored), rest, null);

        assertThat(rest).containsExactlyElementsOf(first.subList((int) emitted, 2_000));
    }

    @Test
    void cutsOversizedLines() throws IOException {
        Path file = write("long.jsonl", "{\"id\":\"" + "x".repeat(50) + "\"}\n{}\n");
        List<RawRecord> records = new ArrayList<>();
        readAll(
                new JsonLinesFormat(10).createReader(new Configuration(), split(file)),
                records,
                null);
        assertThat(records.get(0).truncated()).isTrue();
        assertThat(records.get(0).value()).hasSize(10);
        assertThat(records.get(0).originalLength()).isEqualTo(59);
        assertThat(records.get(1).truncated()).isFalse();
    }

    @Test
    void readsGzipFiles() throws IOException {
        Path file = dir.resolve("c.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"id\":\"g\"}\n{\"id\":\"h\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        List<RawRecord> records = new ArrayList<>();
        readAll(
                new JsonLinesFormat(100).createReader(new Configuration(), split(file)),
                records,
                null);
        assertThat(records)
                .extracting(JsonLinesFormatTest::text)
                .containsExactly("{\"id\":\"g\"}", "{\"id\":\"h\"}");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static FileSourceSplit split(Path file) throws IOException {
        long size = Files.size(file);
        return new FileSourceSplit(
                "0", new org.apache.flink.core.fs.Path(file.toUri()), 0, size, 0, size);
    }

    private static void readAll(
            BulkFormat.Reader<RawRecord> reader, List<RawRecord> out, List<Long> skipCounts)
            throws IOException {
        try (reader) {
            BulkFormat.RecordIterator<RawRecord> batch;
            while ((batch = reader.readBatch()) != null) {
                RecordAndPosition<RawRecord> r;
                while ((r = batch.next()) != null) {
                    out.add(r.getRecord());
                    if (skipCounts != null) {
                        skipCounts.add(r.getRecordSkipCount());
                    }
                }
                batch.releaseBatch();
            }
        }
    }

    private static String text(RawRecord r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }
}

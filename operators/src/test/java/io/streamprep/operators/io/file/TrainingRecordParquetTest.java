package io.streamprep.operators.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.schemas.records.TrainingRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRecordParquetTest {

    @TempDir Path dir;

    @Test
    void writesAParquetFileWithTheDocumentedSchema() throws Exception {
        Path file = dir.resolve("part-0.parquet");
        org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(file.toUri());
        try (FSDataOutputStream out =
                path.getFileSystem().create(path, FileSystem.WriteMode.NO_OVERWRITE)) {
            BulkWriter<TrainingRecord> writer = TrainingRecordParquet.writerFactory().create(out);
            writer.addElement(
                    new TrainingRecord(
                            "a#0#0",
                            "a",
                            0,
                            0,
                            "train",
                            "x",
                            0,
                            new int[] {101, 7, 102},
                            new int[] {1, 1, 1},
                            null,
                            "seven",
                            null,
                            "{\"n\":{\"value\":1}}",
                            null));
            writer.addElement(
                    new TrainingRecord(
                            "b#0#0",
                            "b",
                            0,
                            0,
                            "test",
                            null,
                            -1,
                            new int[0],
                            new int[0],
                            new int[0],
                            null,
                            "[]",
                            null,
                            0.5));
            writer.finish();
        }
        byte[] bytes = Files.readAllBytes(file);
        String magic = "PAR1";
        assertThat(new String(Arrays.copyOf(bytes, 4), StandardCharsets.US_ASCII)).isEqualTo(magic);
        assertThat(
                        new String(
                                Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length),
                                StandardCharsets.US_ASCII))
                .isEqualTo(magic);
        assertThat(TrainingRecordParquet.SCHEMA.getFieldCount()).isEqualTo(14);
        assertThat(TrainingRecordParquet.SCHEMA.getType("input_ids").toString())
                .contains("repeated group list")
                .contains("required int32 element");
    }
}

package io.streamprep.operators.io.file;

import io.streamprep.schemas.records.TrainingRecord;
import java.util.HashMap;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Training records as Parquet: the {@link #SCHEMA} (the JSON record's fields with the same names;
 * token arrays as standard 3-level LISTs; {@code augmentations} and {@code features} as JSON
 * strings), written uncompressed with Parquet's default dictionary and RLE encodings.
 *
 * <p>Used with Flink's bulk {@code FileSink}, so files roll on every checkpoint and are committed
 * exactly once like the JSONL files.
 */
public final class TrainingRecordParquet {

    /** The Parquet schema of training records. */
    public static final MessageType SCHEMA =
            MessageTypeParser.parseMessageType(
                    "message training_record {\n"
                            + "  required binary id (STRING);\n"
                            + "  required binary source_id (STRING);\n"
                            + "  required int32 variant;\n"
                            + "  required int32 window;\n"
                            + "  required binary split (STRING);\n"
                            + "  optional binary label (STRING);\n"
                            + "  required int32 label_id;\n"
                            + list("required", "input_ids")
                            + list("required", "attention_mask")
                            + list("optional", "token_type_ids")
                            + "  optional binary text (STRING);\n"
                            + "  optional binary augmentations (STRING);\n"
                            + "  optional binary features (STRING);\n"
                            + "  optional double label_confidence;\n"
                            + "}");

    private TrainingRecordParquet() {}

    private static String list(String repetition, String name) {
        return "  "
                + repetition
                + " group "
                + name
                + " (LIST) {\n    repeated group list {\n      required int32 element;\n"
                + "    }\n  }\n";
    }

    /** The bulk writer factory for Flink's {@code FileSink.forBulkFormat}. */
    public static ParquetWriterFactory<TrainingRecord> writerFactory() {
        return new ParquetWriterFactory<>(TrainingRecordParquet::writer);
    }

    static ParquetWriter<TrainingRecord> writer(OutputFile out) throws java.io.IOException {
        return new Builder(out)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withConf(new PlainParquetConfiguration())
                .build();
    }

    private static final class Builder extends ParquetWriter.Builder<TrainingRecord, Builder> {

        Builder(OutputFile out) {
            super(out);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<TrainingRecord> getWriteSupport(Configuration conf) {
            return new RecordWriteSupport();
        }

        @Override
        protected WriteSupport<TrainingRecord> getWriteSupport(ParquetConfiguration conf) {
            return new RecordWriteSupport();
        }
    }

    private static final class RecordWriteSupport extends WriteSupport<TrainingRecord> {

        private RecordConsumer consumer;

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(SCHEMA, new HashMap<>());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(TrainingRecord r) {
            consumer.startMessage();
            string(0, "id", r.id());
            string(1, "source_id", r.sourceId());
            int32(2, "variant", r.variant());
            int32(3, "window", r.window());
            string(4, "split", r.split());
            string(5, "label", r.label());
            int32(6, "label_id", r.labelId());
            ints(7, "input_ids", r.inputIds());
            ints(8, "attention_mask", r.attentionMask());
            ints(9, "token_type_ids", r.tokenTypeIds());
            string(10, "text", r.text());
            string(11, "augmentations", r.augmentations());
            string(12, "features", r.features());
            if (r.labelConfidence() != null) {
                consumer.startField("label_confidence", 13);
                consumer.addDouble(r.labelConfidence());
                consumer.endField("label_confidence", 13);
            }
            consumer.endMessage();
        }

        private void string(int index, String name, String value) {
            if (value == null) {
                return;
            }
            consumer.startField(name, index);
            consumer.addBinary(Binary.fromString(value));
            consumer.endField(name, index);
        }

        private void int32(int index, String name, int value) {
            consumer.startField(name, index);
            consumer.addInteger(value);
            consumer.endField(name, index);
        }

        private void ints(int index, String name, int[] values) {
            if (values == null) {
                return;
            }
            consumer.startField(name, index);
            consumer.startGroup();
            if (values.length > 0) {
                consumer.startField("list", 0);
                for (int v : values) {
                    consumer.startGroup();
                    consumer.startField("element", 0);
                    consumer.addInteger(v);
                    consumer.endField("element", 0);
                    consumer.endGroup();
                }
                consumer.endField("list", 0);
            }
            consumer.endGroup();
            consumer.endField(name, index);
        }
    }
}

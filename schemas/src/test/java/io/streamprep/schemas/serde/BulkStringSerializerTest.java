package io.streamprep.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class BulkStringSerializerTest {

    /** Strings at every boundary of the variable-length encoding, and random ones. */
    private static List<String> samples() {
        List<String> samples =
                new ArrayList<>(
                        Arrays.asList(
                                null,
                                "",
                                "a",
                                "3f2a9c0d11e84b6f8a2c7d5e9f0b1a2c",
                                "\u007f\u0080",
                                "\u3fff\u4000\uffff",
                                "naïve café, 東京, emoji 🎉 (a surrogate pair)",
                                "x".repeat(126),
                                "x".repeat(127),
                                "x".repeat(16_383),
                                "é".repeat(16_384),
                                "y".repeat((1 << 20) + 1)));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(300)];
            for (int j = 0; j < chars.length; j++) {
                int kind = random.nextInt(3);
                chars[j] =
                        (char)
                                (kind == 0
                                        ? random.nextInt(0x80)
                                        : kind == 1
                                                ? random.nextInt(0x4000)
                                                : random.nextInt(0x10000));
            }
            samples.add(new String(chars));
        }
        return samples;
    }

    @Test
    void writesExactlyTheBytesOfFlinksStringSerializer() throws IOException {
        for (String s : samples()) {
            assertThat(bytes(BulkStringSerializer.INSTANCE, s))
                    .as("%s", s == null ? "null" : s.length() + " chars")
                    .isEqualTo(bytes(StringSerializer.INSTANCE, s));
        }
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        List<String> samples = samples();
        for (String s : samples) {
            BulkStringSerializer.INSTANCE.serialize(s, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (String s : samples) {
            assertThat(BulkStringSerializer.INSTANCE.deserialize(in)).isEqualTo(s);
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void restoresStateWrittenByFlinksStringSerializerAsIs() {
        TypeSerializerSnapshot<String> ours = BulkStringSerializer.INSTANCE.snapshotConfiguration();
        assertThat(
                        ours.resolveSchemaCompatibility(
                                        StringSerializer.INSTANCE.snapshotConfiguration())
                                .isCompatibleAsIs())
                .isTrue();
        assertThat(ours.resolveSchemaCompatibility(ours).isCompatibleAsIs()).isTrue();
        assertThat(ours.restoreSerializer()).isEqualTo(BulkStringSerializer.INSTANCE);
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<String> longs =
                (TypeSerializerSnapshot) LongSerializer.INSTANCE.snapshotConfiguration();
        assertThat(ours.resolveSchemaCompatibility(longs).isIncompatible()).isTrue();
    }

    @Test
    void isAKeyTypeLikeFlinksString() {
        assertThat(BulkStringTypeInfo.INSTANCE.isKeyType()).isTrue();
        assertThat(BulkStringTypeInfo.INSTANCE.getTypeClass()).isEqualTo(String.class);
        assertThat(BulkStringTypeInfo.INSTANCE.createSerializer(null))
                .isSameAs(BulkStringSerializer.INSTANCE);
    }

    private static byte[] bytes(TypeSerializer<String> serializer, String s) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(s, out);
        return out.getCopyOfBuffer();
    }
}

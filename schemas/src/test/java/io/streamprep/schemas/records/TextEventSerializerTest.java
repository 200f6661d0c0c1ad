package io.streamprep.schemas.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.junit.jupiter.api.Test;

/**
 * Flink's own serializer checks (round trips through every kind of view, copy, duplicate, snapshot
 * and restore, concurrent use of duplicates) on events with and without every optional field,
 * non-ASCII text and empty strings.
 */
class TextEventSerializerTest extends SerializerTestBase<TextEvent> {

    @Override
    protected TypeSerializer<TextEvent> createSerializer() {
        return new TextEventSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<TextEvent> getTypeClass() {
        return TextEvent.class;
    }

    @Override
    protected TextEvent[] getTestData() {
        TextRecord minimal = new TextRecord("r-1", null, "", null, null);
        TextRecord full =
                new TextRecord(
                        "r-2",
                        1_700_000_000_000L,
                        "Ünïcödé: naïve café, 東京, emoji 🎉, and a tab\tend",
                        "news",
                        "{\"source\":\"x\",\"n\":[1,2]}");
        byte[] bytes = "{\"id\":\"r-2\"}".getBytes(StandardCharsets.UTF_8);
        return new TextEvent[] {
            new TextEvent(minimal, 0L, "", new byte[0], null),
            new TextEvent(full, -5L, "topic-0@17", bytes, "ab12"),
            new TextEvent(
                    full,
                    Long.MAX_VALUE,
                    "file:/data/in.jsonl:3",
                    bytes,
                    "ff00",
                    "r-1",
                    2,
                    "[{\"op\":\"swap\",\"n\":1}]",
                    3,
                    "{\"len\":4}",
                    0.875),
            new TextEvent(
                    new TextRecord("r-3", 5L, "x".repeat(70_000), "", "{}"),
                    42L,
                    "p",
                    new byte[300],
                    "",
                    "",
                    0,
                    "",
                    0,
                    "",
                    null)
        };
    }

    @Test
    void isWhatFlinkUsesForTheTypeEverywhere() {
        assertThat(TypeInformation.of(TextEvent.class)).isEqualTo(TextEventTypeInfo.INSTANCE);
        assertThat(TypeExtractor.getForClass(TextEvent.class).createSerializer(null))
                .isInstanceOf(TextEventSerializer.class);
    }
}

package io.streamprep.schemas;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.ImageEvent;
import io.streamprep.schemas.records.ImageRecord;
import io.streamprep.schemas.records.ImageTrainingRecord;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.records.TrainingRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every type Flink carries must use Flink's POJO serializer, never Kryo; {@code TextEvent}, the
 * type on most edges, has its own ({@code TextEventSerializerTest}).
 */
class RecordTypesSerializationTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                RawRecord.class,
                TextRecord.class,
                TrainingRecord.class,
                DeadLetterRecord.class,
                DuplicateRecord.class,
                SampledOutRecord.class,
                ImageRecord.class,
                ImageRecord.Image.class,
                ImageEvent.class,
                ImageTrainingRecord.class
            })
    void isSerializedAsPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }
}

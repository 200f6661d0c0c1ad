package io.streamprep.operators.image;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The types flowing into and out of the HTTP fetch stage use Flink's serializer, never Kryo. */
class ImageHttpTypesSerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {RemoteImage.class, FetchedImage.class})
    void isSerializedAsPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }
}

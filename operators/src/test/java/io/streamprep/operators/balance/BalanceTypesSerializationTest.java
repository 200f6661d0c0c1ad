package io.streamprep.operators.balance;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The types flowing between the balancing operators use Flink's POJO serializer, never Kryo. */
class BalanceTypesSerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {ClassCount.class, ClassRate.class})
    void isSerializedAsPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }
}

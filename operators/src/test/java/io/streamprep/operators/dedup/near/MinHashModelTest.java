package io.streamprep.operators.dedup.near;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinHashModelTest {

    private static final String LICENSE =
            "Permission is hereby granted, free of charge, to any person obtaining a copy of this"
                    + " software and associated documentation files (the Software), to deal in the"
                    + " Software without restriction, including without limitation the rights to"
                    + " use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies"
                    + " of the Software, and to permit persons to whom the Software is furnished to"
                    + " do so, subject to the following conditions.";

    private final MinHashModel model = MinHashModel.withOptimalBanding(5, 128, 0.8, 42);

    @Test
    void identicalTextsShareEveryBandAndAreDuplicates() {
        byte[] a = model.signature(LICENSE);
        byte[] b = model.signature(LICENSE.toUpperCase(java.util.Locale.ROOT));
        assertThat(model.bandKeys(a)).isEqualTo(model.bandKeys(b)).hasSize(12);
        assertThat(model.similarity(a, b)).isEqualTo(1.0);
        assertThat(model.isDuplicate(1.0)).isTrue();
    }

    @Test
    void aSmallEditIsANearDuplicateAndAnotherTextIsNot() {
        byte[] original = model.signature(LICENSE);
        byte[] edited = model.signature(LICENSE.replace("free of charge", "free"));
        byte[] other =
                model.signature(
                        "This program is free software; you can redistribute it and/or modify it"
                                + " under the terms of the GNU General Public License as published"
                                + " by the Free Software Foundation.");
        assertThat(model.similarity(original, edited)).isGreaterThan(0.8);
        assertThat(model.similarity(original, other)).isLessThan(0.1);
        assertThat(sharesABand(original, edited)).isTrue();
        assertThat(sharesABand(original, other)).isFalse();
    }

    @Test
    void bandKeysEncodeTheBandIndex() {
        byte[] constant = new byte[256];
        long[] keys = model.bandKeys(constant);
        assertThat(Arrays.stream(keys).distinct().count()).isEqualTo(keys.length);
    }

    @Test
    void bandsTimesRowsMayNotExceedThePermutations() {
        assertThatThrownBy(() -> new MinHashModel(5, 64, new LshBanding(9, 8), 0.8, 1))
                .hasMessageContaining("dedup.near.num-perm");
    }

    @ParameterizedTest
    @ValueSource(classes = {NearMember.class})
    void stateTypesAreSerializedAsPojosWithoutKryo(Class<?> type) {
        // What earlier builds' state holds, which the current serializers migrate from.
        assertSerializedAsPojoWithoutKryo(type);
    }

    @Test
    void messageTypesGetTheirOwnSerializersOnEdgesAndInState() {
        assertThat(
                        org.apache.flink.api.common.typeinfo.TypeInformation.of(NearProbe.class)
                                .createSerializer(
                                        new org.apache.flink.api.common.serialization
                                                .SerializerConfigImpl()))
                .isInstanceOf(NearProbeSerializer.class);
        assertThat(
                        org.apache.flink.api.common.typeinfo.TypeInformation.of(NearVerdict.class)
                                .createSerializer(
                                        new org.apache.flink.api.common.serialization
                                                .SerializerConfigImpl()))
                .isInstanceOf(NearVerdictSerializer.class);
    }

    private boolean sharesABand(byte[] a, byte[] b) {
        long[] ka = model.bandKeys(a);
        long[] kb = model.bandKeys(b);
        for (int i = 0; i < ka.length; i++) {
            if (ka[i] == kb[i]) {
                return true;
            }
        }
        return false;
    }
}

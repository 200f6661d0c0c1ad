package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD pixel reversal gives the scalar code's bytes at every size, including rows shorter than
 * one vector, rows that are not a multiple of 16 pixels and the last row (whose vector stores would
 * pass the array's end). It runs the kernels whatever the hardware: on narrow vectors they are
 * slower, never different. The blur kernel is checked in {@code augment.VectorBlurTest}.
 */
class VectorKernelsTest {

    private static final int[][] SIZES = {
        {1, 1},
        {5, 3},
        {15, 2},
        {16, 1},
        {16, 4},
        {17, 5},
        {21, 21},
        {22, 3},
        {32, 32},
        {37, 19},
        {224, 224},
        {300, 7},
        {1, 40}
    };

    @Test
    void reversedRowsMatchScalarCodeAtEverySize() {
        SplittableRandom random = new SplittableRandom(11);
        for (int[] size : SIZES) {
            int w = size[0];
            int h = size[1];
            byte[] in = RandomBytes.of(random, w * h * 3);
            byte[] expected = RandomBytes.of(random, in.length);
            byte[] actual = RandomBytes.of(random, in.length);
            Geometry.reversePixelRowsScalar(in, expected, w, h);
            VectorKernels.reversePixelRows(in, actual, w, h);
            assertThat(actual).as("%dx%d", w, h).isEqualTo(expected);
            // The whole image as one row: the 180-degree turn.
            Geometry.reversePixelRowsScalar(in, expected, w * h, 1);
            VectorKernels.reversePixelRows(in, actual, w * h, 1);
            assertThat(actual).as("%dx%d as one row", w, h).isEqualTo(expected);
        }
    }

    @Test
    void reversingTwiceGivesTheSource() {
        SplittableRandom random = new SplittableRandom(12);
        byte[] in = RandomBytes.of(random, 67 * 9 * 3);
        byte[] once = new byte[in.length];
        byte[] twice = new byte[in.length];
        VectorKernels.reversePixelRows(in, once, 67, 9);
        VectorKernels.reversePixelRows(once, twice, 67, 9);
        assertThat(once).isNotEqualTo(in);
        assertThat(twice).isEqualTo(in);
    }

    @Test
    void testJvmHasTheVectorModule() {
        // The build passes --add-modules to every test JVM; without it only scalar code is tested.
        assertThat(ModuleLayer.boot().findModule(VectorSupport.MODULE)).isPresent();
        assertThat(VectorSupport.describe()).doesNotContain("without --add-modules");
    }
}

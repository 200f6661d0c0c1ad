package io.streamprep.operators.image.augment;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.image.RandomBytes;
import io.streamprep.operators.image.VectorKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD blur gives the scalar blur's bytes for every sigma and size, including rows whose length
 * is not a multiple of the vector, images shorter than the kernel and a destination full of
 * garbage. It runs the kernel whatever the hardware: on narrow vectors it is slower, never
 * different.
 */
class VectorBlurTest {

    private static final int[][] SIZES = {
        {1, 1}, {2, 9}, {5, 3}, {6, 1}, {16, 16}, {17, 5}, {32, 32}, {37, 19}, {224, 224}, {301, 4}
    };

    @Test
    void blurMatchesScalarCodeForEverySigmaAndSize() {
        SplittableRandom random = new SplittableRandom(21);
        for (double sigma : new double[] {0.3, 0.5, 1.0, 1.5, 2.7, 4.0}) {
            int radius = Math.max(1, (int) Math.ceil(3 * sigma));
            int[] kernel = PixelOps.blurKernel(sigma, radius);
            for (int[] size : SIZES) {
                int w = size[0];
                int h = size[1];
                byte[] in = RandomBytes.of(random, w * h * 3);
                byte[] expected = RandomBytes.of(random, in.length);
                byte[] actual = RandomBytes.of(random, in.length);
                PixelOps.gaussianBlurScalar(in, w, h, kernel, radius, expected);
                VectorKernels.gaussianBlur(in, w, h, kernel, radius, PixelOps.BLUR_BITS, actual);
                assertThat(actual).as("sigma %s, %dx%d", sigma, w, h).isEqualTo(expected);
            }
        }
    }

    @Test
    void uniformImageStaysUniform() {
        byte[] in = new byte[40 * 30 * 3];
        java.util.Arrays.fill(in, (byte) 200);
        byte[] out = new byte[in.length];
        int[] kernel = PixelOps.blurKernel(2.0, 6);
        VectorKernels.gaussianBlur(in, 40, 30, kernel, 6, PixelOps.BLUR_BITS, out);
        assertThat(out).isEqualTo(in);
    }
}

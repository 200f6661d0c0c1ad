package io.streamprep.operators.image.augment;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.image.RandomBytes;
import io.streamprep.operators.image.RgbImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The colour-jitter map with its SIMD kernel gives the scalar map's bytes: random matrices and
 * offsets (many values clamped at both ends), values exactly half-way between levels and just
 * below, sizes shorter than a vector or than one block of the kernel, and a destination full of
 * garbage. It runs the kernel whatever the hardware: on narrow vectors it is slower, never
 * different.
 */
class ColourAffineVectorTest {

    @Test
    void randomMapsMatchScalarCode() {
        SplittableRandom random = new SplittableRandom(51);
        int[][] sizes = {{1, 1}, {5, 3}, {16, 1}, {21, 1}, {22, 1}, {17, 2}, {37, 19}, {224, 224}};
        for (int[] size : sizes) {
            RgbImage src =
                    new RgbImage(size[0], size[1], RandomBytes.of(random, size[0] * size[1] * 3));
            for (int t = 0; t < 25; t++) {
                double[] m = new double[9];
                for (int i = 0; i < 9; i++) {
                    m[i] = random.nextDouble(-1.5, 2.5);
                }
                double[] offset = {
                    random.nextDouble(-200, 200),
                    random.nextDouble(-200, 200),
                    random.nextDouble(-200, 200)
                };
                assertSame(src, m, offset, String.format("%dx%d #%d", size[0], size[1], t));
            }
        }
    }

    @Test
    void halfWayValuesRoundAsMathRound() {
        // Identity plus offsets that put every value exactly on, or one float step below, a
        // half level: the cases where rounding by adding 0.5 in float goes wrong.
        byte[] pixels = new byte[64 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        RgbImage src = new RgbImage(64, 1, pixels);
        double[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (double offset :
                new double[] {0.5, -0.5, 0.49999997, Math.nextDown(0.5f), 1.5, -254.5}) {
            assertSame(src, identity, new double[] {offset, offset, offset}, "offset " + offset);
        }
        double[] mix = {1 / 3.0, 1 / 3.0, 1 / 3.0, 0.5, 0.5, 0, 0.25, 0.25, 0.5};
        assertSame(src, mix, new double[] {0, 0.5, 0.25}, "averages");
        // Beyond any colour jitter: huge values clamp to 255 or 0, NaN rounds to 0.
        double[] huge = {1e9, 0, 0, -1e9, 0, 0, Double.NaN, 0, 0};
        assertSame(src, huge, new double[] {1e8, 0, 0}, "huge and NaN");
    }

    private static void assertSame(RgbImage src, double[] m, double[] t, String as) {
        SplittableRandom garbage = new SplittableRandom(m.length + src.width());
        byte[] expected = RandomBytes.of(garbage, src.rgb().length);
        byte[] actual = RandomBytes.of(garbage, src.rgb().length);
        PixelOps.affine(src, m, t, expected, false);
        PixelOps.affine(src, m, t, actual, true);
        assertThat(actual).as(as).isEqualTo(expected);
    }
}

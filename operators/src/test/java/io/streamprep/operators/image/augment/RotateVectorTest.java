package io.streamprep.operators.image.augment;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.image.RandomBytes;
import io.streamprep.operators.image.RgbImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rotation with its SIMD kernel gives the scalar rotation's bytes: every angle, square and
 * non-square images, rows whose covered run is shorter than a vector, the last row (whose 64-byte
 * stores would pass the array's end) and a destination full of garbage. It runs the kernel whatever
 * the hardware: on narrow vectors it is slower, never different.
 */
class RotateVectorTest {

    @Test
    void everyAngleAndSizeMatchesScalarCode() {
        SplittableRandom random = new SplittableRandom(41);
        int[][] sizes = {
            {1, 1}, {2, 3}, {5, 3}, {16, 16}, {17, 40}, {37, 19}, {224, 224}, {300, 97}
        };
        double[] angles = {
            0.5, -0.5, 1, 7.3, -7.3, 15, 33, 45, -60, 89.9, 91, 135, 180.2, -179, 270.5
        };
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            RgbImage src = new RgbImage(w, h, RandomBytes.of(random, w * h * 3));
            for (double angle : angles) {
                byte[] expected = RandomBytes.of(random, w * h * 3);
                byte[] actual = RandomBytes.of(random, w * h * 3);
                PixelOps.rotate(src, angle, 0x123456, expected, false);
                PixelOps.rotate(src, angle, 0x123456, actual, true);
                assertThat(actual).as("%dx%d by %s degrees", w, h, angle).isEqualTo(expected);
            }
        }
    }

    @Test
    void randomAnglesOnARealSizedImage() {
        SplittableRandom random = new SplittableRandom(42);
        RgbImage src = new RgbImage(224, 224, RandomBytes.of(random, 224 * 224 * 3));
        for (int t = 0; t < 30; t++) {
            double angle = random.nextDouble(-180, 180);
            byte[] expected = new byte[src.rgb().length];
            byte[] actual = new byte[src.rgb().length];
            PixelOps.rotate(src, angle, 0x808080, expected, false);
            PixelOps.rotate(src, angle, 0x808080, actual, true);
            assertThat(actual).as("%s degrees", angle).isEqualTo(expected);
        }
    }
}

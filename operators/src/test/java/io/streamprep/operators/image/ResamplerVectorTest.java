package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The resampler with its SIMD kernels gives the scalar resampler's bytes: enlarging and shrinking
 * regions with fractional corners, both pass orders, rows shorter than a vector, the image's last
 * row (whose 64-byte loads would pass the array's end) and writes into a strided destination. It
 * runs the kernels whatever the hardware: on narrow vectors they are slower, never different.
 */
class ResamplerVectorTest {

    @Test
    void randomRegionsMatchScalarCode() {
        SplittableRandom random = new SplittableRandom(31);
        int[][] sizes = {{1, 1}, {5, 3}, {17, 9}, {37, 19}, {64, 64}, {224, 224}, {300, 200}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            RgbImage src = new RgbImage(w, h, RandomBytes.of(random, w * h * 3));
            for (int t = 0; t < 40; t++) {
                double cw = Math.max(0.5, random.nextDouble() * w);
                double ch = Math.max(0.5, random.nextDouble() * h);
                double x = random.nextDouble() * (w - cw);
                double y = random.nextDouble() * (h - ch);
                if (t % 4 == 0) {
                    x = Math.floor(x);
                    y = Math.floor(y);
                }
                int outW = t % 3 == 0 ? w : 1 + random.nextInt(2 * w + 20);
                int outH = t % 3 == 0 ? h : 1 + random.nextInt(2 * h + 20);
                assertSame(src, x, y, cw, ch, outW, outH, String.format("%dx%d #%d", w, h, t));
            }
        }
    }

    @Test
    void benchmarkCropAndWholeImageMatchScalarCode() {
        SplittableRandom random = new SplittableRandom(32);
        RgbImage src = new RgbImage(224, 224, RandomBytes.of(random, 224 * 224 * 3));
        assertSame(src, 20, 30, 150, 160, 224, 224, "bench crop");
        assertSame(src, 0, 0, 224, 224, 224, 224, "copy");
        assertSame(src, 0, 0, 224, 224, 448, 300, "enlarge");
        assertSame(src, 0, 0, 224, 224, 100, 90, "shrink");
        // Shrunk vertically (vertical pass first), enlarged horizontally: the gathering kernel.
        assertSame(src, 0.5, 0, 200, 224, 448, 100, "vertical first, two horizontal taps");
        assertSame(src, 3.7, 11.2, 200.5, 180.25, 224, 224, "fractional");
    }

    @Test
    void stridedDestinationOutsideTheRegionIsUntouched() {
        SplittableRandom random = new SplittableRandom(33);
        RgbImage src = new RgbImage(50, 40, RandomBytes.of(random, 50 * 40 * 3));
        byte[] scalar = new byte[80 * 60 * 3];
        byte[] simd = new byte[scalar.length];
        java.util.Arrays.fill(scalar, (byte) 7);
        java.util.Arrays.fill(simd, (byte) 7);
        int offset = (5 * 80 + 9) * 3;
        Resampler.resizeRegionInto(src, 2.5, 1.5, 40, 30, 60, 45, scalar, offset, 80 * 3, false);
        Resampler.resizeRegionInto(src, 2.5, 1.5, 40, 30, 60, 45, simd, offset, 80 * 3, true);
        assertThat(simd).isEqualTo(scalar);
        assertThat(simd[0]).isEqualTo((byte) 7);
        assertThat(simd[simd.length - 1]).isEqualTo((byte) 7);
    }

    private static void assertSame(
            RgbImage src, double x, double y, double cw, double ch, int outW, int outH, String as) {
        SplittableRandom garbage = new SplittableRandom(outW * 31L + outH);
        byte[] expected = RandomBytes.of(garbage, outW * outH * 3);
        byte[] actual = RandomBytes.of(garbage, expected.length);
        Resampler.resizeRegionInto(src, x, y, cw, ch, outW, outH, expected, 0, outW * 3, false);
        Resampler.resizeRegionInto(src, x, y, cw, ch, outW, outH, actual, 0, outW * 3, true);
        assertThat(actual)
                .as("%s: (%s, %s) %s x %s -> %dx%d", as, x, y, cw, ch, outW, outH)
                .isEqualTo(expected);
    }
}

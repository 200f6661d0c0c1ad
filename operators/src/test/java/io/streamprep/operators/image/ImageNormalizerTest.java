package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageNormalizerTest {

    @Test
    void givesSquareImagesOfTheConfiguredSize() {
        for (int[] wh : new int[][] {{32, 32}, {640, 480}, {480, 640}, {7, 300}, {1, 1}}) {
            RgbImage out = new ImageNormalizer(224).normalize(RgbImage.filled(wh[0], wh[1], 0));
            assertThat(out.width()).isEqualTo(224);
            assertThat(out.height()).isEqualTo(224);
        }
    }

    @Test
    void keepsUniformColoursExactly() {
        RgbImage out = new ImageNormalizer(50).normalize(RgbImage.filled(333, 177, 0x336699));
        assertThat(out).isEqualTo(RgbImage.filled(50, 50, 0x336699));
    }

    @Test
    void cropsTheCentreOfTheLongerSide() {
        // A 300x100 image: left third red, middle third green, right third blue.
        RgbImage src = RgbImage.filled(300, 100, 0);
        byte[] px = src.rgb();
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 300; x++) {
                px[(y * 300 + x) * 3 + x / 100] = (byte) 255;
            }
        }
        RgbImage out = new ImageNormalizer(20).normalize(src);
        // As with resize-then-crop, the filter reaches one output pixel beyond the crop's edges.
        for (int y = 0; y < 20; y++) {
            for (int x = 1; x < 19; x++) {
                assertThat(out.at(x, y, 1)).isEqualTo(255);
                assertThat(out.at(x, y, 0)).isZero();
            }
        }
    }

    @Test
    void downscalingAveragesInsteadOfSkippingPixels() {
        // A 1-pixel checkerboard shrunk 4x must come out mid grey, not black or white.
        RgbImage board = RgbImage.filled(64, 64, 0);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                if ((x + y) % 2 == 0) {
                    int i = (y * 64 + x) * 3;
                    board.rgb()[i] = board.rgb()[i + 1] = board.rgb()[i + 2] = (byte) 255;
                }
            }
        }
        RgbImage out = Resampler.resize(board, 16, 16);
        for (int y = 1; y < 15; y++) {
            for (int x = 1; x < 15; x++) {
                assertThat(out.at(x, y, 0)).isBetween(120, 135);
            }
        }
    }
}

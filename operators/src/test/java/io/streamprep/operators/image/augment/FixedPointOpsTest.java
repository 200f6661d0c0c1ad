package io.streamprep.operators.image.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamprep.operators.image.Geometry;
import io.streamprep.operators.image.ImageDecoder;
import io.streamprep.operators.image.ImageHeader;
import io.streamprep.operators.image.ImageNormalizer;
import io.streamprep.operators.image.PixelCodec;
import io.streamprep.operators.image.Resampler;
import io.streamprep.operators.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The integer (fixed-point) operators against straightforward floating-point versions of the same
 * formulas, on a real icon: they may differ by rounding only, at most one level per value.
 */
class FixedPointOpsTest {

    private static RgbImage photo;

    @BeforeAll
    static void loadRealImage() throws Exception {
        byte[] png =
                Files.readAllBytes(
                        Path.of("/usr/share/icons/Tango/32x32/apps/internet-web-browser.png"));
        RgbImage decoded = new ImageDecoder(0xFFFFFF).decode(png, ImageHeader.probe(png, 1 << 20));
        // Non-square and upscaled, so edges, interpolation and both passes are exercised.
        photo = Resampler.resize(new ImageNormalizer(32).normalize(decoded), 57, 43);
    }

    @Test
    void blurIsTheGaussianUpToRounding() {
        // The small image is shorter than the kernel: every row is an edge row.
        RgbImage small = Resampler.resize(photo, 9, 4);
        for (double sigma : new double[] {0.5, 1.5, 3.0}) {
            assertWithinOneLevel(PixelOps.gaussianBlur(photo, sigma), referenceBlur(photo, sigma));
            assertWithinOneLevel(PixelOps.gaussianBlur(small, sigma), referenceBlur(small, sigma));
        }
    }

    @Test
    void flipsMirrorEveryPixel() {
        // Widths around the eight-pixel blocks of the horizontal flip.
        for (int w : new int[] {1, 7, 8, 9, 16, 57}) {
            RgbImage img = Resampler.resize(photo, w, 5);
            RgbImage h = Geometry.flipHorizontal(img);
            RgbImage v = Geometry.flipVertical(img);
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertThat(h.at(x, y, c)).isEqualTo(img.at(w - 1 - x, y, c));
                        assertThat(v.at(x, y, c)).isEqualTo(img.at(x, 4 - y, c));
                    }
                }
            }
        }
    }

    @Test
    void zoomingOutPastesTheShrunkImageOnTheBackground() {
        RgbImage zoomed = PixelOps.scale(photo, 0.6, 0x102030);
        RgbImage small = Resampler.resize(photo, 34, 26);
        int ox = (57 - 34) / 2;
        int oy = (43 - 26) / 2;
        for (int y = 0; y < 43; y++) {
            for (int x = 0; x < 57; x++) {
                boolean inside = x >= ox && x < ox + 34 && y >= oy && y < oy + 26;
                for (int c = 0; c < 3; c++) {
                    int expected =
                            inside
                                    ? small.at(x - ox, y - oy, c)
                                    : (0x102030 >> (16 - 8 * c)) & 0xFF;
                    assertThat(zoomed.at(x, y, c)).as("(%d, %d, %d)", x, y, c).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void resizingIsTheTriangleFilterUpToRounding() {
        int[][] sizes = {{20, 15}, {57, 43}, {100, 31}, {13, 90}};
        for (int[] s : sizes) {
            assertWithinOneLevel(
                    Resampler.resize(photo, s[0], s[1]), referenceResize(photo, s[0], s[1]));
        }
    }

    @Test
    void rotationIsBilinearUpToRounding() {
        for (double degrees : new double[] {-30, -7.5, 3, 15, 45, 170}) {
            RgbImage fast = PixelOps.rotate(photo, degrees, 0xFFFFFF);
            int w = photo.width();
            int h = photo.height();
            double cos = Math.cos(Math.toRadians(degrees));
            double sin = Math.sin(Math.toRadians(degrees));
            double cx = (w - 1) / 2.0;
            double cy = (h - 1) / 2.0;
            int compared = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sx = cos * (x - cx) - sin * (y - cy) + cx;
                    double sy = sin * (x - cx) + cos * (y - cy) + cy;
                    // Pixels on the coverage border may fall either side in fixed point.
                    if (sx < 0.01 || sy < 0.01 || sx > w - 1.01 || sy > h - 1.01) {
                        continue;
                    }
                    for (int c = 0; c < 3; c++) {
                        assertThat((double) fast.at(x, y, c))
                                .isCloseTo(bilinear(photo, sx, sy, c), within(1.0));
                    }
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(w * h / 3);
        }
    }

    @Test
    void quarterTurnsAreLosslessCopies() {
        RgbImage square = Resampler.resize(photo, 40, 40);
        assertThat(PixelOps.rotate(square, -90, 0)).isEqualTo(Geometry.upright(square, 6));
        assertThat(PixelOps.rotate(square, 270, 0)).isEqualTo(Geometry.upright(square, 6));
        assertThat(PixelOps.rotate(square, 450, 0)).isEqualTo(Geometry.upright(square, 8));
        assertThat(PixelOps.rotate(photo, 180, 0))
                .isEqualTo(Geometry.flipVertical(Geometry.flipHorizontal(photo)));
        assertThat(PixelOps.rotate(photo, 360, 0)).isEqualTo(photo);
        RgbImage wideQuarter = PixelOps.rotate(photo, 90, 0);
        assertThat(wideQuarter.width()).isEqualTo(photo.width());
        assertThat(wideQuarter.height()).isEqualTo(photo.height());
    }

    @Test
    void pngRoundTripsThePixels() throws Exception {
        byte[] png = PixelCodec.png(photo);
        RgbImage back = new ImageDecoder(0).decode(png, ImageHeader.probe(png, 1 << 20));
        assertThat(back).isEqualTo(photo);
    }

    private static void assertWithinOneLevel(RgbImage actual, double[] expected) {
        assertThat(actual.rgb()).hasSameSizeAs(expected);
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            int a = actual.rgb()[i] & 0xFF;
            assertThat((double) a).as("value %d", i).isCloseTo(expected[i], within(1.0));
            if (a != (int) Math.round(expected[i])) {
                differing++;
            }
        }
        // Rounding differences are rare, not systematic.
        assertThat(differing).isLessThan(expected.length / 20);
    }

    private static double[] referenceBlur(RgbImage src, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        int w = src.width();
        int h = src.height();
        double[] tmp = new double[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int i = -radius; i <= radius; i++) {
                        v += k[i + radius] / sum * src.at(clamp(x + i, w), y, c);
                    }
                    tmp[(y * w + x) * 3 + c] = v;
                }
            }
        }
        double[] out = new double[tmp.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int i = -radius; i <= radius; i++) {
                        v += k[i + radius] / sum * tmp[(clamp(y + i, h) * w + x) * 3 + c];
                    }
                    out[(y * w + x) * 3 + c] = v;
                }
            }
        }
        return out;
    }

    private static double[] referenceResize(RgbImage src, int outW, int outH) {
        double[][] wx = triangle(src.width(), outW);
        double[][] wy = triangle(src.height(), outH);
        double[] out = new double[outW * outH * 3];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int sy = 0; sy < src.height(); sy++) {
                        if (wy[y][sy] == 0) {
                            continue;
                        }
                        for (int sx = 0; sx < src.width(); sx++) {
                            v += wy[y][sy] * wx[x][sx] * src.at(sx, sy, c);
                        }
                    }
                    out[(y * outW + x) * 3 + c] = v;
                }
            }
        }
        return out;
    }

    /** Normalized weights of every source index for every output index. */
    private static double[][] triangle(int srcLen, int outLen) {
        double scale = (double) srcLen / outLen;
        double support = Math.max(scale, 1.0);
        double[][] weights = new double[outLen][srcLen];
        for (int i = 0; i < outLen; i++) {
            double centre = (i + 0.5) * scale;
            double sum = 0;
            for (int j = 0; j < srcLen; j++) {
                weights[i][j] = Math.max(0, 1.0 - Math.abs((j + 0.5 - centre) / support));
                sum += weights[i][j];
            }
            for (int j = 0; j < srcLen; j++) {
                weights[i][j] /= sum;
            }
        }
        return weights;
    }

    private static double bilinear(RgbImage src, double sx, double sy, int c) {
        int x0 = (int) sx;
        int y0 = (int) sy;
        int x1 = Math.min(x0 + 1, src.width() - 1);
        int y1 = Math.min(y0 + 1, src.height() - 1);
        double fx = sx - x0;
        double fy = sy - y0;
        double top = src.at(x0, y0, c) * (1 - fx) + src.at(x1, y0, c) * fx;
        double bottom = src.at(x0, y1, c) * (1 - fx) + src.at(x1, y1, c) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }
}

package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamprep.schemas.records.RejectReason;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private static final long MAX_PIXELS = 40_000_000L;

    @Test
    void flattensTransparencyOntoTheBackground() throws Exception {
        // Tango icons have fully transparent corners.
        Path icon = TestImages.tango32(1).get(0);
        byte[] png = TestImages.bytes(icon);
        ImageHeader header = ImageHeader.probe(png, MAX_PIXELS);
        RgbImage onWhite = new ImageDecoder(0xFFFFFF).decode(png, header);
        RgbImage onRed = new ImageDecoder(0xFF0000).decode(png, header);
        assertThat(onWhite.width()).isEqualTo(32);
        assertThat(new int[] {onWhite.at(0, 0, 0), onWhite.at(0, 0, 1), onWhite.at(0, 0, 2)})
                .containsExactly(255, 255, 255);
        assertThat(new int[] {onRed.at(0, 0, 0), onRed.at(0, 0, 1), onRed.at(0, 0, 2)})
                .containsExactly(255, 0, 0);
        assertThat(onWhite).isNotEqualTo(onRed);
    }

    @Test
    void decodesEveryFormatToTheSamePixelsWhenLossless() throws Exception {
        RgbImage original = decode(TestImages.bytes(TestImages.tango32(3).get(2)));
        assertThat(decode(TestImages.encode(original, "bmp"))).isEqualTo(original);
        assertThat(decode(TestImages.encode(original, "png"))).isEqualTo(original);
        RgbImage jpeg = decode(TestImages.encode(original, "jpg"));
        assertThat(jpeg.width()).isEqualTo(original.width());
    }

    @Test
    void truncatedImagesAreCorruptNotHalfGrey() throws Exception {
        for (Path icon : TestImages.tango32(10)) {
            byte[] png = TestImages.bytes(icon);
            assertCorrupt(Arrays.copyOf(png, png.length / 2));
            RgbImage image = decode(png);
            byte[] jpeg = TestImages.encode(image, "jpg");
            assertCorrupt(Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        }
    }

    @Test
    void appliesExifOrientation() throws Exception {
        RgbImage original = decode(TestImages.bytes(TestImages.tango32(5).get(4)));
        RgbImage wide = Resampler.resize(original, 40, 20);
        byte[] jpeg = TestImages.encode(wide, "jpg");
        RgbImage stored = decode(jpeg);
        assertThat(ExifOrientation.of(jpeg)).isEqualTo(ExifOrientation.NORMAL);
        for (int orientation = 1; orientation <= 8; orientation++) {
            byte[] tagged = withOrientation(jpeg, orientation);
            assertThat(ExifOrientation.of(tagged)).isEqualTo(orientation);
            RgbImage upright = decode(tagged);
            assertThat(upright).isEqualTo(Geometry.upright(stored, orientation));
            assertThat(upright.width()).isEqualTo(orientation >= 5 ? 20 : 40);
        }
        // 6 = the camera was turned clockwise: the stored top-left pixel ends up top-right.
        RgbImage six = decode(withOrientation(jpeg, 6));
        assertThat(six.at(19, 0, 0)).isEqualTo(stored.at(0, 0, 0));
    }

    @Test
    void exifParsingNeverThrowsOnGarbage() {
        for (int seed = 0; seed < 200; seed++) {
            byte[] bytes = TestImages.randomBytes(seed, 64);
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xD8;
            assertThat(ExifOrientation.of(bytes)).isBetween(1, 8);
        }
    }

    private static RgbImage decode(byte[] bytes) throws ImageRejection {
        return new ImageDecoder(0xFFFFFF).decode(bytes, ImageHeader.probe(bytes, MAX_PIXELS));
    }

    private static void assertCorrupt(byte[] bytes) {
        ImageRejection e = catchThrowableOfType(ImageRejection.class, () -> decode(bytes));
        assertThat(e).as("expected a rejection").isNotNull();
        assertThat(e.reason()).isEqualTo(RejectReason.CORRUPT_IMAGE);
    }

    /** The JPEG with an EXIF APP1 segment (big-endian TIFF) holding only the orientation tag. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        byte[] tiff = {
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // header, IFD at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // orientation SHORT
            0,
            0,
            0,
            0 // no next IFD
        };
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}

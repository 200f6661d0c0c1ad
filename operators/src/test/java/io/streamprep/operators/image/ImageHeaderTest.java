package io.streamprep.operators.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamprep.schemas.records.RejectReason;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    private static final long MAX_PIXELS = 40_000_000L;

    @Test
    void readsFormatAndSizeOfRealImagesInEveryFormat() throws Exception {
        for (Path icon : TestImages.tango32(20)) {
            ImageHeader png = ImageHeader.probe(TestImages.bytes(icon), MAX_PIXELS);
            assertThat(png).as(icon.toString()).isEqualTo(new ImageHeader("png", 32, 32));
        }
        RgbImage decoded =
                new ImageDecoder(0xFFFFFF)
                        .decode(
                                TestImages.bytes(TestImages.tango32(1).get(0)),
                                new ImageHeader("png", 32, 32));
        for (String format : new String[] {"jpg", "bmp", "gif"}) {
            ImageHeader header = ImageHeader.probe(TestImages.encode(decoded, format), MAX_PIXELS);
            assertThat(header.width()).isEqualTo(32);
            assertThat(header.format()).isIn("jpeg", "bmp", "gif");
        }
    }

    @Test
    void rejectsADecompressionBombFromItsHeaderAlone() {
        assertReject(TestImages.pngHeader(50_000, 50_000), RejectReason.DECOMPRESSION_BOMB);
        assertThat(reject(TestImages.pngHeader(50_000, 50_000)).getMessage())
                .contains("50000x50000", "image.max-pixels");
    }

    @Test
    void rejectsEmptyUnsupportedAndCorruptBytes() {
        assertReject(new byte[0], RejectReason.EMPTY_IMAGE);
        assertReject(TestImages.randomBytes(1, 4096), RejectReason.UNSUPPORTED_IMAGE_FORMAT);
        assertReject(
                "just some text, not an image".getBytes(), RejectReason.UNSUPPORTED_IMAGE_FORMAT);
        byte[] png = TestImages.bytes(TestImages.tango32(1).get(0));
        byte[] wrongMagic = png.clone();
        wrongMagic[1] = 'X';
        assertReject(wrongMagic, RejectReason.UNSUPPORTED_IMAGE_FORMAT);
        assertReject(Arrays.copyOf(png, 20), RejectReason.CORRUPT_IMAGE);
    }

    @Test
    void rejectsZeroDimensions() {
        RejectReason reason = reject(TestImages.pngHeader(0, 10)).reason();
        assertThat(reason).isIn(RejectReason.EMPTY_IMAGE);
    }

    private static void assertReject(byte[] bytes, RejectReason expected) {
        assertThat(reject(bytes).reason()).isEqualTo(expected);
    }

    private static ImageRejection reject(byte[] bytes) {
        ImageRejection e =
                catchThrowableOfType(
                        ImageRejection.class, () -> ImageHeader.probe(bytes, MAX_PIXELS));
        assertThat(e).as("expected a rejection").isNotNull();
        return e;
    }
}

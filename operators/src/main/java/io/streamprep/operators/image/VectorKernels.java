package io.streamprep.operators.image;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of the image operators' hot loops, on JDK's incubating Vector API. Each produces
 * exactly the bytes of its scalar counterpart (same integer arithmetic, lane by lane). Callers must
 * check {@link VectorSupport} first: this class cannot even be loaded unless the JVM was started
 * with {@code --add-modules jdk.incubator.vector}, and on narrower vector hardware it would run,
 * correctly but slower than the scalar code.
 */
public final class VectorKernels {

    private static final VectorSpecies<Byte> BYTES_512 = ByteVector.SPECIES_512;
    private static final VectorSpecies<Byte> BYTES_128 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Integer> INTS_512 = IntVector.SPECIES_512;
    private static final int INT_LANES = INTS_512.length();

    /** 16 pixels (the first 48 of 64 bytes) in reverse order; the last 16 bytes are don't-care. */
    private static final VectorShuffle<Byte> REVERSE_16_PIXELS = reverse16Pixels();

    private VectorKernels() {}

    static int preferredBits() {
        return IntVector.SPECIES_PREFERRED.vectorBitSize();
    }

    private static VectorShuffle<Byte> reverse16Pixels() {
        int[] index = new int[BYTES_512.length()];
        for (int i = 0; i < 16; i++) {
            for (int c = 0; c < 3; c++) {
                index[3 * i + c] = 3 * (15 - i) + c;
            }
        }
        for (int i = 48; i < index.length; i++) {
            index[i] = i;
        }
        return VectorShuffle.fromArray(BYTES_512, index, 0);
    }

    /**
     * Each of the {@code rows} rows of {@code w} 3-byte pixels of {@code in} written to the same
     * row of {@code out} in reverse pixel order ({@code rows} 1 and {@code w} the pixel count
     * reverses the whole image). Rows are written first to last, each left to right, 16 pixels (48
     * bytes) per 64-byte store: the 16 extra bytes land where a later store writes, and no store
     * reaches past the array.
     */
    public static void reversePixelRows(byte[] in, byte[] out, int w, int rows) {
        int row = w * 3;
        for (int y = 0; y < rows; y++) {
            int base = y * row;
            int j = 0;
            for (; j + 16 <= w; j += 16) {
                int s = base + (w - 16 - j) * 3;
                int d = base + j * 3;
                if (s + 64 > in.length || d + 64 > out.length) {
                    break;
                }
                ByteVector.fromArray(BYTES_512, in, s)
                        .rearrange(REVERSE_16_PIXELS)
                        .intoArray(out, d);
            }
            for (int s = base + (w - 1 - j) * 3, d = base + j * 3; j < w; j++, s -= 3, d += 3) {
                out[d] = in[s];
                out[d + 1] = in[s + 1];
                out[d + 2] = in[s + 2];
            }
        }
    }

    /**
     * Separable blur of a {@code w x h} RGB image with a symmetric {@code bits}-bit integer kernel
     * of {@code 2 * radius + 1} taps, edges clamped: the horizontal pass keeps 8 fractional bits
     * per value in a ring of rows, the vertical pass rounds once. The arithmetic of {@code
     * PixelOps.gaussianBlur}'s scalar code, 16 values at a time.
     */
    public static void gaussianBlur(
            byte[] in, int w, int h, int[] kernel, int radius, int bits, byte[] out) {
        int rowLen = w * 3;
        int[][] ring = new int[Math.min(2 * radius + 1, h)][rowLen];
        int[] padded = new int[rowLen + 6 * radius];
        int[][] up = new int[radius + 1][];
        int[][] down = new int[radius + 1][];
        int centre = kernel[radius];
        int round = 1 << (bits + 7);
        int shift = bits + 8;
        int vectorEnd = rowLen - rowLen % INT_LANES;
        int done = 0;
        for (int y = 0; y < h; y++) {
            for (int last = Math.min(h - 1, y + radius); done <= last; done++) {
                horizontal(
                        in,
                        done * rowLen,
                        rowLen,
                        kernel,
                        radius,
                        bits,
                        padded,
                        ring[done % ring.length]);
            }
            int[] mid = ring[y % ring.length];
            // Rows beyond the edges are the edge rows, which the ring still holds.
            for (int k = 1; k <= radius; k++) {
                up[k] = ring[Math.max(0, y - k) % ring.length];
                down[k] = ring[Math.min(h - 1, y + k) % ring.length];
            }
            int d = y * rowLen;
            int i = 0;
            for (; i < vectorEnd; i += INT_LANES) {
                IntVector acc = IntVector.fromArray(INTS_512, mid, i).mul(centre).add(round);
                for (int k = 1; k <= radius; k++) {
                    acc =
                            acc.add(
                                    IntVector.fromArray(INTS_512, up[k], i)
                                            .add(IntVector.fromArray(INTS_512, down[k], i))
                                            .mul(kernel[radius + k]));
                }
                ((ByteVector)
                                acc.lanewise(VectorOperators.ASHR, shift)
                                        .convertShape(VectorOperators.I2B, BYTES_128, 0))
                        .intoArray(out, d + i);
            }
            for (; i < rowLen; i++) {
                int acc = round + centre * mid[i];
                for (int k = 1; k <= radius; k++) {
                    acc += kernel[radius + k] * (up[k][i] + down[k][i]);
                }
                out[d + i] = (byte) (acc >> shift);
            }
        }
    }

    /** One row's horizontal pass into {@code acc}, keeping 8 fractional bits. */
    private static void horizontal(
            byte[] in,
            int row,
            int rowLen,
            int[] kernel,
            int radius,
            int bits,
            int[] padded,
            int[] acc) {
        int pad = radius * 3;
        int vectorEnd = rowLen - rowLen % INT_LANES;
        int i = 0;
        for (; i < vectorEnd; i += INT_LANES) {
            ((IntVector)
                            ByteVector.fromArray(BYTES_128, in, row + i)
                                    .convertShape(VectorOperators.B2I, INTS_512, 0))
                    .and(0xFF)
                    .intoArray(padded, pad + i);
        }
        for (; i < rowLen; i++) {
            padded[pad + i] = in[row + i] & 0xFF;
        }
        // Edge pixels repeated into the padding.
        for (int p = 0; p < pad; p += 3) {
            for (int c = 0; c < 3; c++) {
                padded[p + c] = in[row + c] & 0xFF;
                padded[pad + rowLen + p + c] = in[row + rowLen - 3 + c] & 0xFF;
            }
        }
        int centre = kernel[radius];
        int round = 1 << (bits - 9);
        int shift = bits - 8;
        for (i = 0; i < vectorEnd; i += INT_LANES) {
            IntVector a = IntVector.fromArray(INTS_512, padded, pad + i).mul(centre).add(round);
            for (int k = 1; k <= radius; k++) {
                a =
                        a.add(
                                IntVector.fromArray(INTS_512, padded, pad + i - 3 * k)
                                        .add(IntVector.fromArray(INTS_512, padded, pad + i + 3 * k))
                                        .mul(kernel[radius + k]));
            }
            a.lanewise(VectorOperators.ASHR, shift).intoArray(acc, i);
        }
        for (; i < rowLen; i++) {
            int a = round + centre * padded[pad + i];
            for (int k = 1; k <= radius; k++) {
                a += kernel[radius + k] * (padded[pad + i - 3 * k] + padded[pad + i + 3 * k]);
            }
            acc[i] = a >> shift;
        }
    }
}

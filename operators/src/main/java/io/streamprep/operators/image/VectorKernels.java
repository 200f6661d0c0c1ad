package io.streamprep.operators.image;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
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
    private static final VectorSpecies<Short> SHORTS_512 = ShortVector.SPECIES_512;
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

    /** {@code n} bytes of {@code in} from {@code from}, zero-extended into {@code out[0..n)}. */
    public static void widen(byte[] in, int from, int[] out, int n) {
        int i = 0;
        for (int end = n - n % INT_LANES; i < end; i += INT_LANES) {
            ((IntVector)
                            ByteVector.fromArray(BYTES_128, in, from + i)
                                    .convertShape(VectorOperators.B2I, INTS_512, 0))
                    .and(0xFF)
                    .intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = in[from + i] & 0xFF;
        }
    }

    /**
     * {@code out[d + i] = (round + w0 * a[i] + w1 * b[i]) >> shift} as a byte, for i in 0..n: a
     * two-tap vertical pass and the narrowing in one.
     */
    public static void blendToBytes(
            int[] a, int[] b, int w0, int w1, int round, int shift, byte[] out, int d, int n) {
        int i = 0;
        for (int end = n - n % INT_LANES; i < end; i += INT_LANES) {
            ((ByteVector)
                            IntVector.fromArray(INTS_512, a, i)
                                    .mul(w0)
                                    .add(IntVector.fromArray(INTS_512, b, i).mul(w1))
                                    .add(round)
                                    .lanewise(VectorOperators.ASHR, shift)
                                    .convertShape(VectorOperators.I2B, BYTES_128, 0))
                    .intoArray(out, d + i);
        }
        for (; i < n; i++) {
            out[d + i] = (byte) ((round + w0 * a[i] + w1 * b[i]) >> shift);
        }
    }

    /** {@code out[d + i] = (byte) values[i]} for i in 0..n. */
    public static void narrow(int[] values, byte[] out, int d, int n) {
        int i = 0;
        for (int end = n - n % INT_LANES; i < end; i += INT_LANES) {
            ((ByteVector)
                            IntVector.fromArray(INTS_512, values, i)
                                    .convertShape(VectorOperators.I2B, BYTES_128, 0))
                    .intoArray(out, d + i);
        }
        for (; i < n; i++) {
            out[d + i] = (byte) values[i];
        }
    }

    /**
     * A horizontal two-tap resampling of RGB rows, planned once per resize: output value {@code 3x
     * + c} is {@code (w0[x] * row[first[x] + c] + w1[x] * row[first[x] + 3 + c] + round) >> shift}.
     * Rows of bytes go through byte permutes, 16 output pixels from one 64-byte load, when every
     * such group's taps lie within 64 bytes (always when enlarging); rows of ints through gathers.
     */
    public static final class TwoTapRows {
        private final int[] index;
        private final int[] w0;
        private final int[] w1;

        /** First output value of each group of 32 (the last group overlaps the one before). */
        private final int[] groupStart;

        /** Where each group's 64-byte source window starts, relative to the row. */
        private final int[] windowStart;

        /** Per group, 64 permute indexes: byte 2i takes value i's first tap, 2i + 1 its second. */
        private final byte[] permutes;

        /** The first weight in 16-bit parts, {@code w0 >> 6} and {@code w0 & 63}. */
        private final short[] w0High;

        private final short[] w0Low;

        /**
         * @param first each output pixel's first tap, as a byte offset into the row
         * @param weight two weights per output pixel, summing to {@code 1 << 14}
         */
        public TwoTapRows(int[] first, int[] weight, int outW) {
            int n = outW * 3;
            index = new int[n];
            w0 = new int[n];
            w1 = new int[n];
            w0High = new short[n];
            w0Low = new short[n];
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    int e = 3 * x + c;
                    index[e] = first[x] + c;
                    w0[e] = weight[2 * x];
                    w1[e] = weight[2 * x + 1];
                    w0High[e] = (short) (w0[e] >> 6);
                    w0Low[e] = (short) (w0[e] & 63);
                }
            }
            int groups = n >= 32 ? (n + 31) / 32 : 0;
            int[] starts = new int[groups];
            int[] windows = new int[groups];
            byte[] p = new byte[groups * 64];
            for (int g = 0; g < groups && p != null; g++) {
                starts[g] = Math.min(32 * g, n - 32);
                // The window starts at the first channel of the group's first pixel: later
                // pixels never start before it (taps are in order).
                windows[g] = index[starts[g]] - starts[g] % 3;
                for (int i = 0; i < 32; i++) {
                    int l = index[starts[g] + i] - windows[g];
                    if (l + 3 >= 64) {
                        p = null;
                        break;
                    }
                    p[64 * g + 2 * i] = (byte) l;
                    p[64 * g + 2 * i + 1] = (byte) (l + 3);
                }
            }
            groupStart = starts;
            windowStart = windows;
            permutes = p;
        }

        /**
         * Resamples the row of bytes starting at {@code in[from]} (the byte of offset 0) into
         * {@code out} (3 * outW values, 8 fractional bits): {@code (w0 * a + w1 * b + 32) >> 6}.
         * Reads may go past the row's last needed byte, never past the array: those bytes only meet
         * zero weights or unused lanes.
         */
        public void resample(byte[] in, int from, int[] out) {
            int n = index.length;
            for (int g = 0; g < groupStart.length && permutes != null; g++) {
                int e = groupStart[g];
                int s = from + windowStart[g];
                if (s + 64 > in.length) {
                    scalar(in, from, out, e, Math.min(n, e + 32));
                    continue;
                }
                // With w1 = 2^14 - w0 and w0 = 64 * high + low, the value is exactly
                // (b << 8) + (a - b) * high + (((a - b) * low + 32) >> 6): the last term fits a
                // short, and the sum is in 0..65280, so 16-bit arithmetic modulo 2^16 is exact.
                ShortVector v =
                        ByteVector.fromArray(BYTES_512, permutes, 64 * g)
                                .selectFrom(ByteVector.fromArray(BYTES_512, in, s))
                                .reinterpretAsShorts();
                ShortVector a = v.and((short) 0xFF);
                ShortVector d = a.sub(v.lanewise(VectorOperators.LSHR, 8));
                ShortVector h =
                        v.and((short) 0xFF00)
                                .add(d.mul(ShortVector.fromArray(SHORTS_512, w0High, e)))
                                .add(
                                        d.mul(ShortVector.fromArray(SHORTS_512, w0Low, e))
                                                .add((short) 32)
                                                .lanewise(VectorOperators.ASHR, 6));
                ((IntVector) h.convertShape(VectorOperators.S2I, INTS_512, 0))
                        .and(0xFFFF)
                        .intoArray(out, e);
                ((IntVector) h.convertShape(VectorOperators.S2I, INTS_512, 1))
                        .and(0xFFFF)
                        .intoArray(out, e + 16);
            }
            if (permutes == null || groupStart.length == 0) {
                scalar(in, from, out, 0, n);
            }
        }

        private void scalar(byte[] in, int from, int[] out, int fromValue, int toValue) {
            for (int i = fromValue; i < toValue; i++) {
                int a = w0[i] * (in[from + index[i]] & 0xFF);
                // A zero second weight may sit past the array's end (the last pixel's padding).
                int b = w1[i] == 0 ? 0 : w1[i] * (in[from + index[i] + 3] & 0xFF);
                out[i] = (a + b + 32) >> 6;
            }
        }

        /**
         * Resamples a row of ints ({@code tmp}, with room for the zero-weight taps after its last
         * column) into bytes at {@code out[d..]}.
         */
        public void resample(int[] tmp, int round, int shift, byte[] out, int d) {
            int n = index.length;
            int i = 0;
            for (int end = n - n % INT_LANES; i < end; i += INT_LANES) {
                ((ByteVector)
                                IntVector.fromArray(INTS_512, tmp, 0, index, i)
                                        .mul(IntVector.fromArray(INTS_512, w0, i))
                                        .add(
                                                IntVector.fromArray(INTS_512, tmp, 3, index, i)
                                                        .mul(IntVector.fromArray(INTS_512, w1, i)))
                                        .add(round)
                                        .lanewise(VectorOperators.ASHR, shift)
                                        .convertShape(VectorOperators.I2B, BYTES_128, 0))
                        .intoArray(out, d + i);
            }
            for (; i < n; i++) {
                out[d + i] =
                        (byte)
                                ((w0[i] * tmp[index[i]] + w1[i] * tmp[index[i] + 3] + round)
                                        >> shift);
            }
        }
    }

    /** Lane 4i + c takes byte 3i + c (pixel i's channel c); lanes 4i + 3 are masked off later. */
    private static final VectorShuffle<Byte> RGB_TO_INTS = rgbToInts();

    /** Lane 3i + c takes byte 4i + c, for 16 pixels; the last 16 lanes are don't-care. */
    private static final VectorShuffle<Byte> INTS_TO_RGB = intsToRgb();

    private static final int[] IOTA = iota();

    private static VectorShuffle<Byte> rgbToInts() {
        int[] index = new int[BYTES_512.length()];
        for (int i = 0; i < 16; i++) {
            for (int c = 0; c < 4; c++) {
                index[4 * i + c] = 3 * i + Math.min(c, 2);
            }
        }
        return VectorShuffle.fromArray(BYTES_512, index, 0);
    }

    private static VectorShuffle<Byte> intsToRgb() {
        int[] index = new int[BYTES_512.length()];
        for (int i = 0; i < 16; i++) {
            for (int c = 0; c < 3; c++) {
                index[3 * i + c] = 4 * i + c;
            }
        }
        for (int i = 48; i < index.length; i++) {
            index[i] = i;
        }
        return VectorShuffle.fromArray(BYTES_512, index, 0);
    }

    private static int[] iota() {
        int[] iota = new int[INT_LANES];
        for (int i = 0; i < iota.length; i++) {
            iota[i] = i;
        }
        return iota;
    }

    /**
     * The {@code pixels} RGB pixels of {@code rgb} as one int each ({@code r | g << 8 | b << 16})
     * in {@code packed}, for gathers.
     */
    public static void packPixels(byte[] rgb, int pixels, int[] packed) {
        int i = 0;
        for (; i + 16 <= pixels && 3 * i + 64 <= rgb.length; i += 16) {
            ByteVector.fromArray(BYTES_512, rgb, 3 * i)
                    .rearrange(RGB_TO_INTS)
                    .reinterpretAsInts()
                    .and(0xFFFFFF)
                    .intoArray(packed, i);
        }
        for (; i < pixels; i++) {
            packed[i] =
                    (rgb[3 * i] & 0xFF)
                            | (rgb[3 * i + 1] & 0xFF) << 8
                            | (rgb[3 * i + 2] & 0xFF) << 16;
        }
    }

    /**
     * {@code groups} groups of 16 bilinear samples along one output row of {@code PixelOps.rotate},
     * with its exact integer arithmetic: pixel k maps to the source position {@code (sx + k *
     * stepX, sy + k * stepY)} in 16.16 fixed point, which must be inside the image for every pixel
     * (positions then fit in an int: the image is under 32768 pixels wide and high). Pixels come
     * from {@code packed} ({@link #packPixels}, with at least {@code w + 1} entries after the
     * image's, any values). Group j's 48 bytes go to {@code out[d + 48 j]} by a 64-byte store: the
     * caller must write the 16 bytes after the last group later, and they must be inside {@code
     * out}.
     *
     * @param scratch at least {@code 16 + 32 * groups} ints
     */
    public static void rotateGroups(
            int[] packed,
            int w,
            int sx,
            int sy,
            int stepX,
            int stepY,
            int groups,
            byte[] out,
            int d,
            int[] scratch) {
        // Two passes, the top neighbours then the bottom ones, each with two gathers: one
        // method with all four exceeds C2's inlining budget and a gather then runs as slow Java.
        // No vector crosses a call (C2 boxes those); the top results go through scratch.
        rotateTop(packed, w, sx, sy, stepX, stepY, groups, scratch);
        rotateBottom(packed, w, sx, sy, stepX, stepY, groups, out, d, scratch);
    }

    private static void rotateTop(
            int[] packed, int w, int sx, int sy, int stepX, int stepY, int groups, int[] scratch) {
        IntVector iota = IntVector.fromArray(INTS_512, IOTA, 0);
        IntVector lanesX = iota.mul(stepX);
        IntVector lanesY = iota.mul(stepY);
        int gAt = 16 + 16 * groups;
        for (int k = 0; k < groups; k++, sx += 16 * stepX, sy += 16 * stepY) {
            IntVector px = lanesX.add(sx + 128).lanewise(VectorOperators.ASHR, 8);
            IntVector py = lanesY.add(sy + 128).lanewise(VectorOperators.ASHR, 8);
            IntVector fx = px.and(0xFF);
            py.lanewise(VectorOperators.ASHR, 8)
                    .mul(w)
                    .add(px.lanewise(VectorOperators.ASHR, 8))
                    .intoArray(scratch, 0);
            // On the last column the fraction is zero, so the right neighbour has weight zero:
            // reading the next pixel instead of the pixel itself changes nothing.
            IntVector p00 = IntVector.fromArray(INTS_512, packed, 0, scratch, 0);
            IntVector p01 = IntVector.fromArray(INTS_512, packed, 1, scratch, 0);
            // The scalar sum w00 * p00 + w01 * p01 + w10 * p10 + w11 * p11 equals
            // (256 - fy) * ((256 - fx) * p00 + fx * p01) + fy * ((256 - fx) * p10 + fx * p11)
            // exactly; the horizontal step is done for R and B together, in 16-bit fields.
            IntVector gx = fx.neg().add(256);
            p00.and(0xFF00FF)
                    .mul(gx)
                    .add(p01.and(0xFF00FF).mul(fx))
                    .intoArray(scratch, 16 + 16 * k);
            p00.lanewise(VectorOperators.LSHR, 8)
                    .and(0xFF)
                    .mul(gx)
                    .add(p01.lanewise(VectorOperators.LSHR, 8).and(0xFF).mul(fx))
                    .intoArray(scratch, gAt + 16 * k);
        }
    }

    private static void rotateBottom(
            int[] packed,
            int w,
            int sx,
            int sy,
            int stepX,
            int stepY,
            int groups,
            byte[] out,
            int d,
            int[] scratch) {
        IntVector iota = IntVector.fromArray(INTS_512, IOTA, 0);
        IntVector lanesX = iota.mul(stepX);
        IntVector lanesY = iota.mul(stepY);
        int gAt = 16 + 16 * groups;
        for (int k = 0; k < groups; k++, d += 48, sx += 16 * stepX, sy += 16 * stepY) {
            IntVector px = lanesX.add(sx + 128).lanewise(VectorOperators.ASHR, 8);
            IntVector py = lanesY.add(sy + 128).lanewise(VectorOperators.ASHR, 8);
            IntVector fx = px.and(0xFF);
            IntVector fy = py.and(0xFF);
            py.lanewise(VectorOperators.ASHR, 8)
                    .mul(w)
                    .add(px.lanewise(VectorOperators.ASHR, 8))
                    .intoArray(scratch, 0);
            // On the last row the fraction is zero, so the lower neighbours have weight zero.
            IntVector p10 = IntVector.fromArray(INTS_512, packed, w, scratch, 0);
            IntVector p11 = IntVector.fromArray(INTS_512, packed, w + 1, scratch, 0);
            IntVector gx = fx.neg().add(256);
            IntVector gy = fy.neg().add(256);
            IntVector rbTop = IntVector.fromArray(INTS_512, scratch, 16 + 16 * k);
            IntVector gTop = IntVector.fromArray(INTS_512, scratch, gAt + 16 * k);
            IntVector rbBottom = p10.and(0xFF00FF).mul(gx).add(p11.and(0xFF00FF).mul(fx));
            IntVector gBottom =
                    p10.lanewise(VectorOperators.LSHR, 8)
                            .and(0xFF)
                            .mul(gx)
                            .add(p11.lanewise(VectorOperators.LSHR, 8).and(0xFF).mul(fx));
            IntVector r =
                    rbTop.and(0xFFFF)
                            .mul(gy)
                            .add(rbBottom.and(0xFFFF).mul(fy))
                            .add(32768)
                            .lanewise(VectorOperators.LSHR, 16);
            IntVector b =
                    rbTop.lanewise(VectorOperators.LSHR, 16)
                            .mul(gy)
                            .add(rbBottom.lanewise(VectorOperators.LSHR, 16).mul(fy))
                            .add(32768);
            IntVector g =
                    gTop.mul(gy).add(gBottom.mul(fy)).add(32768).lanewise(VectorOperators.LSHR, 16);
            r.or(g.lanewise(VectorOperators.LSHL, 8))
                    .or(b.and(0xFFFF0000))
                    .reinterpretAsBytes()
                    .rearrange(INTS_TO_RGB)
                    .intoArray(out, d);
        }
    }

    /** Lane 4l takes byte 3l + c (channel c of pixel l); the other lanes are masked off. */
    private static final VectorShuffle<Byte> RED_TO_INTS = channelToInts(0);

    private static final VectorShuffle<Byte> GREEN_TO_INTS = channelToInts(1);
    private static final VectorShuffle<Byte> BLUE_TO_INTS = channelToInts(2);

    /** Pixels per block of {@link #colourAffine}; its scratch holds 3 ints per pixel of one. */
    public static final int AFFINE_BLOCK = 1024;

    private static VectorShuffle<Byte> channelToInts(int channel) {
        int[] index = new int[BYTES_512.length()];
        for (int l = 0; l < 16; l++) {
            index[4 * l] = 3 * l + channel;
        }
        return VectorShuffle.fromArray(BYTES_512, index, 0);
    }

    /**
     * {@code PixelOps.colourJitter}'s per-pixel affine colour map with the same float operations in
     * the same order, and its rounding ({@code Math.round}, then clamped to 0..255): for x >= 0,
     * {@code Math.round(x)} is {@code trunc(x)}, plus one when the exact fraction {@code x -
     * trunc(x)} is at least one half; negative x clamp to 0 either way.
     *
     * @param m the 3 x 3 matrix, row-major
     * @param t the offsets
     * @param scratch at least {@code 3 * AFFINE_BLOCK} ints
     * @return how many pixels from the start were written (whole groups of 16 whose 64-byte loads
     *     and stores stay inside the arrays); the caller does the rest
     */
    public static int colourAffine(byte[] in, byte[] out, float[] m, float[] t, int[] scratch) {
        int groups = Math.min(in.length / 48, (in.length - 64) / 48 + 1);
        if (in.length < 64) {
            return 0;
        }
        int perBlock = AFFINE_BLOCK / 16;
        // A block's channels one at a time, through scratch: everything in one compiled method
        // exceeds C2's inlining budget, and the conversions then run as slow Java.
        for (int first = 0; first < groups; first += perBlock) {
            int n = Math.min(perBlock, groups - first);
            int from = 48 * first;
            affineChannel(in, from, n, m[0], m[1], m[2], t[0], scratch, 0);
            affineChannel(in, from, n, m[3], m[4], m[5], t[1], scratch, AFFINE_BLOCK);
            affineChannel(in, from, n, m[6], m[7], m[8], t[2], scratch, 2 * AFFINE_BLOCK);
            composeRgb(scratch, n, out, from);
        }
        return 16 * groups;
    }

    private static void affineChannel(
            byte[] in,
            int from,
            int groups,
            float mr,
            float mg,
            float mb,
            float t,
            int[] scratch,
            int at) {
        // No int <-> float conversions (JDK 17 compiles them as slow Java): a byte b becomes the
        // float 2^23 + b by its bits, minus 2^23 exactly; the rounding works on the float's bits.
        for (int k = 0; k < groups; k++) {
            ByteVector v = ByteVector.fromArray(BYTES_512, in, from + 48 * k);
            FloatVector r =
                    v.rearrange(RED_TO_INTS)
                            .reinterpretAsInts()
                            .and(0xFF)
                            .or(FLOAT_TWO_23_BITS)
                            .reinterpretAsFloats()
                            .sub(FLOAT_TWO_23);
            FloatVector g =
                    v.rearrange(GREEN_TO_INTS)
                            .reinterpretAsInts()
                            .and(0xFF)
                            .or(FLOAT_TWO_23_BITS)
                            .reinterpretAsFloats()
                            .sub(FLOAT_TWO_23);
            FloatVector b =
                    v.rearrange(BLUE_TO_INTS)
                            .reinterpretAsInts()
                            .and(0xFF)
                            .or(FLOAT_TWO_23_BITS)
                            .reinterpretAsFloats()
                            .sub(FLOAT_TWO_23);
            FloatVector x = r.mul(mr).add(g.mul(mg)).add(b.mul(mb)).add(t);
            IntVector bits = x.reinterpretAsInts();
            // Math.round(float) on the bits, as the JDK does it: the significand with its
            // implicit one, shifted right by 149 - biased exponent, plus one, halved. Shifts of 32
            // or more (|x| < 0.5), negative x and NaN give 0 after the clamp, negative shifts
            // (x >= 2^23) 255.
            IntVector shift = bits.lanewise(VectorOperators.LSHR, 23).and(0xFF).neg().add(149);
            IntVector rounded =
                    bits.and(0x7FFFFF)
                            .or(0x800000)
                            .lanewise(VectorOperators.ASHR, shift)
                            .add(1)
                            .lanewise(VectorOperators.ASHR, 1)
                            .blend(255, shift.compare(VectorOperators.LT, 0));
            VectorMask<Integer> zero =
                    shift.compare(VectorOperators.GT, 31)
                            .or(bits.compare(VectorOperators.LT, 0))
                            .or(x.test(VectorOperators.IS_NAN).cast(INTS_512));
            rounded.blend(0, zero).min(255).intoArray(scratch, at + 16 * k);
        }
    }

    private static final int FLOAT_TWO_23_BITS = Float.floatToRawIntBits(8388608f);
    private static final float FLOAT_TWO_23 = 8388608f;

    private static void composeRgb(int[] scratch, int groups, byte[] out, int d) {
        // Each 64-byte store spills 16 bytes past its group's pixels, which the next group or
        // the caller writes after.
        for (int k = 0; k < groups; k++) {
            IntVector.fromArray(INTS_512, scratch, 16 * k)
                    .or(
                            IntVector.fromArray(INTS_512, scratch, AFFINE_BLOCK + 16 * k)
                                    .lanewise(VectorOperators.LSHL, 8))
                    .or(
                            IntVector.fromArray(INTS_512, scratch, 2 * AFFINE_BLOCK + 16 * k)
                                    .lanewise(VectorOperators.LSHL, 16))
                    .reinterpretAsBytes()
                    .rearrange(INTS_TO_RGB)
                    .intoArray(out, d + 48 * k);
        }
    }

    static {
        warmUp();
    }

    /**
     * Runs every kernel once on a small image while the class initializes, so that every Vector API
     * class the kernels use is loaded and initialized before C2 first compiles them.
     */
    private static void warmUp() {
        int w = 32;
        int h = 8;
        byte[] in = new byte[w * h * 3];
        byte[] out = new byte[in.length];
        reversePixelRows(in, out, w, h);
        gaussianBlur(in, w, h, new int[] {1024, 2048, 1024}, 1, 12, out);
        int[] packed = new int[w * h + w + 1];
        packPixels(in, w * h, packed);
        rotateGroups(packed, w, 1 << 16, 1 << 16, 60000, 1000, 1, out, 0, new int[16 + 32 * 3]);
        int[] first = new int[w];
        int[] weight = new int[2 * w];
        for (int x = 0; x < w; x++) {
            first[x] = 3 * (x / 2);
            weight[2 * x] = 1 << 14;
        }
        TwoTapRows plan = new TwoTapRows(first, weight, w);
        int[] row = new int[w * 3 + 6];
        plan.resample(in, 0, row);
        plan.resample(row, 1 << 21, 22, out, 0);
        widen(in, 0, row, w * 3);
        blendToBytes(row, row, 1 << 13, 1 << 13, 1 << 21, 22, out, 0, w * 3);
        narrow(row, out, 0, w * 3);
        colourAffine(
                in,
                out,
                new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                new float[] {0, 0, 0},
                new int[3 * AFFINE_BLOCK]);
    }
}

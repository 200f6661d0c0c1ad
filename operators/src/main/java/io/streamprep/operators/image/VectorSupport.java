package io.streamprep.operators.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether the image operators use their SIMD kernels ({@link VectorKernels}, JDK's incubating
 * Vector API), and near dedup its MinHash kernel ({@code MinHashVectors}, which needs AVX512DQ's
 * 64-bit lane multiplies). The kernels give byte-identical results to the scalar code; they are
 * only used where they were measured to be faster: the JVM was started with {@code --add-modules
 * jdk.incubator.vector} and its preferred vectors are 512 bits wide (AVX-512). Flips, rotation and
 * resampling additionally need byte permutes across the whole vector (x86's AVX512_VBMI), which the
 * JIT otherwise emulates slower than scalar code; without a way to ask the JVM, that flag is read
 * from {@code /proc/cpuinfo}, so those use SIMD on Linux only.
 *
 * <p>This class never touches a Vector API type itself, so it loads on any JVM. Without the module,
 * or if anything in the detection fails, everything runs the scalar code.
 *
 * <p>The launchers also pass {@code -XX:CompileCommand=dontinline} for {@link VectorKernels}: C2
 * inlining a kernel into a large caller can exhaust its inlining budget, and the vector operations
 * then run as (correct but) slow Java.
 */
public final class VectorSupport {

    /** The JDK module holding the Vector API (incubating on JDK 17). */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean WIDE = detectWide();
    private static final boolean BYTE_PERMUTES = WIDE && cpuFlag("avx512vbmi");
    private static final boolean LONG_MULTIPLIES = WIDE && cpuFlag("avx512dq");

    private VectorSupport() {}

    /** True when 512-bit integer kernels (the blur) run as SIMD. */
    public static boolean wideIntegerVectors() {
        return WIDE;
    }

    /** True when 512-bit byte permutes (flips, rotation, resampling, jitter) run as SIMD. */
    public static boolean wideBytePermutes() {
        return BYTE_PERMUTES;
    }

    /**
     * True when 512-bit lanes of 64-bit multiplies (x86's AVX512DQ) run as SIMD: the MinHash
     * signatures of near dedup use them.
     */
    public static boolean wideLongMultiplies() {
        return LONG_MULTIPLIES;
    }

    /** One line for logs and benchmark output, e.g. {@code "512-bit SIMD (blur)"}. */
    public static String describe() {
        if (!WIDE) {
            return ModuleLayer.boot().findModule(MODULE).isPresent()
                    ? "scalar (vectors narrower than 512 bits)"
                    : "scalar (JVM started without --add-modules " + MODULE + ")";
        }
        return BYTE_PERMUTES
                ? "512-bit SIMD (blur, flips, rotation, resampling, colour jitter)"
                : "512-bit SIMD (blur)";
    }

    private static boolean detectWide() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return false;
        }
        try {
            return VectorKernels.preferredBits() >= 512;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    private static boolean cpuFlag(String flag) {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(
                            l ->
                                    (" " + l.substring(l.indexOf(':') + 1) + " ")
                                            .contains(" " + flag + " "))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

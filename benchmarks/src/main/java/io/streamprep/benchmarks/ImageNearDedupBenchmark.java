package io.streamprep.benchmarks;

import io.streamprep.operators.image.HammingModel;
import io.streamprep.operators.image.ImageDecoder;
import io.streamprep.operators.image.ImageHeader;
import io.streamprep.operators.image.ImageNormalizer;
import io.streamprep.operators.image.ImageRejection;
import io.streamprep.operators.image.PerceptualHash;
import io.streamprep.operators.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-image cost of image near dedup's signature (pHash of the normalized 224 x 224 pixels plus the
 * {@link HammingModel} band keys at distance 6; with the 8 x 8 grey thumbnail at distance 8, the
 * defaults) and of one candidate confirmation, next to the normalize stage's decode + resize + crop
 * of the same images, single thread. Images: the 32 x 32 Tango icons (Debian's tango-icon-theme);
 * one operation is one image.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class ImageNearDedupBenchmark {

    private static final Path TANGO = Path.of("/usr/share/icons/Tango/32x32");

    private final List<byte[]> encoded = new ArrayList<>();
    private final List<ImageHeader> headers = new ArrayList<>();
    private final List<RgbImage> normalized = new ArrayList<>();
    private final ImageDecoder decoder = new ImageDecoder(0xFFFFFF);
    private final ImageNormalizer normalizer = new ImageNormalizer(224);
    private final HammingModel model = new HammingModel(6);
    private final HammingModel confirmed = new HammingModel(8, 20);
    private final List<byte[]> signatures = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException, ImageRejection {
        try (Stream<Path> files = Files.walk(TANGO)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".png"))
                            .filter(f -> !Files.isSymbolicLink(f))
                            .sorted()
                            .limit(100)
                            .toList()) {
                byte[] bytes = Files.readAllBytes(p);
                ImageHeader header = ImageHeader.probe(bytes, 1 << 20);
                encoded.add(bytes);
                headers.add(header);
                normalized.add(normalizer.normalize(decoder.decode(bytes, header)));
            }
        }
        for (RgbImage image : normalized) {
            signatures.add(confirmed.signature(image));
        }
    }

    /** pHash of the normalized image + band keys: what the signature stage computes per image. */
    @Benchmark
    public long[] phashAndBandKeys() {
        int i = next();
        return model.bandKeys(PerceptualHash.toBytes(PerceptualHash.phash(normalized.get(i))));
    }

    /**
     * pHash + 8 x 8 grey thumbnail (one shared 32 x 32 resize) + band keys at distance 8: what the
     * signature stage computes per image with the default confirmation.
     */
    @Benchmark
    public long[] phashThumbnailAndBandKeys() {
        int i = next();
        return confirmed.bandKeys(confirmed.signature(normalized.get(i)));
    }

    /** The thumbnail check of one candidate pair (its Hamming distance is a single popcount). */
    @Benchmark
    public boolean confirmCandidate() {
        int i = next();
        byte[] a = signatures.get(i);
        byte[] b = signatures.get((i + 1) % signatures.size());
        return confirmed.isDuplicate(a, b, 1.0);
    }

    /** Decode + resize + centre crop of the same images, for comparison. */
    @Benchmark
    public RgbImage decodeAndNormalize() throws ImageRejection {
        int i = next();
        return normalizer.normalize(decoder.decode(encoded.get(i), headers.get(i)));
    }

    private int next() {
        int i = next;
        next = (next + 1) % normalized.size();
        return i;
    }
}

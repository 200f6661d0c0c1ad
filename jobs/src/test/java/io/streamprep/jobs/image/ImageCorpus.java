package io.streamprep.jobs.image;

import io.streamprep.operators.image.ImageDecoder;
import io.streamprep.operators.image.ImageHeader;
import io.streamprep.operators.image.ImageNormalizer;
import io.streamprep.operators.image.ImageRejection;
import io.streamprep.operators.image.PerceptualHash;
import io.streamprep.operators.image.RgbImage;
import io.streamprep.schemas.records.RejectReason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Input for the image pipeline tests: real Tango icons (Debian's tango-icon-theme, public domain)
 * as inline and file: records, exact copies of some, and a bad-image corpus built here (truncated
 * files, wrong magic bytes, a 50,000 x 50,000 PNG header, zero bytes, random bytes, URIs outside
 * the allowed folder), each with the reason it must be rejected for.
 */
final class ImageCorpus {

    static final Path TANGO = Path.of("/usr/share/icons/Tango/32x32");

    /** The JSON lines, in order. */
    final List<byte[]> lines = new ArrayList<>();

    /** id → label of every good image. */
    final Map<String, String> good = new LinkedHashMap<>();

    /** id → icon file of every good image. */
    final Map<String, Path> files = new LinkedHashMap<>();

    /** id of a copy → id of the original it must be reported as a duplicate of. */
    final Map<String, String> duplicates = new LinkedHashMap<>();

    /**
     * id of a resized or JPEG re-encoded copy → id of the original it must be reported as a near
     * duplicate of.
     */
    final Map<String, String> nearDuplicates = new LinkedHashMap<>();

    /** id → reason code of every bad record. */
    final Map<String, String> bad = new LinkedHashMap<>();

    /** Icons closer than this (pHash bits) are not both taken; the pipeline's default is 8. */
    static final int DISTINCT_DISTANCE = 10;

    static final List<String> LABELS = List.of("actions", "apps", "devices", "places", "status");

    /**
     * Icons are chosen so that no two of them are near duplicates for the pipeline: an icon whose
     * pHash, at the pipeline's output size, is within {@link #DISTINCT_DISTANCE} bits of an icon
     * already taken is skipped (Tango has sibling drawings such as face-smile and face-sad that
     * differ in a few pixels; they are not what this corpus tests).
     *
     * @param perLabel icons per label
     * @param fileRoot a folder some icons are copied into and referenced by file: URIs
     * @param size the pipeline's image.size
     */
    static ImageCorpus build(int perLabel, Path fileRoot, int size) throws IOException {
        ImageCorpus c = new ImageCorpus();
        Set<String> seenContent = new HashSet<>();
        List<Long> hashes = new ArrayList<>();
        long ts = 1_700_000_000_000L;
        for (String label : LABELS) {
            List<Path> icons;
            try (Stream<Path> s = Files.list(TANGO.resolve(label))) {
                icons =
                        s.filter(p -> p.toString().endsWith(".png"))
                                .filter(p -> !Files.isSymbolicLink(p))
                                .sorted()
                                .toList();
            }
            int taken = 0;
            for (Path icon : icons) {
                if (taken == perLabel) {
                    break;
                }
                byte[] bytes = Files.readAllBytes(icon);
                // Some icons are byte-identical copies under other names; keep one of each.
                if (!seenContent.add(Base64.getEncoder().encodeToString(bytes))) {
                    continue;
                }
                long hash = phash(bytes, size);
                if (hashes.stream()
                        .anyMatch(h -> PerceptualHash.distance(h, hash) <= DISTINCT_DISTANCE)) {
                    continue;
                }
                hashes.add(hash);
                String id = label + "/" + icon.getFileName();
                String caption =
                        icon.getFileName().toString().replace(".png", "").replace('-', ' ');
                if (taken % 4 == 3) {
                    Path copy = fileRoot.resolve(label + "-" + icon.getFileName());
                    Files.write(copy, bytes);
                    c.add(id, ts, label, caption, "{\"uri\":\"" + copy.toUri() + "\"}");
                } else {
                    c.add(id, ts, label, caption, inline(bytes));
                }
                c.good.put(id, label);
                c.files.put(id, icon);
                if (taken % 5 == 0) {
                    String copyId = id + "#copy";
                    c.add(copyId, ts + 500, label, caption, inline(bytes));
                    c.duplicates.put(copyId, id);
                }
                if (taken % 5 == 2) {
                    String copyId = id + "#resized";
                    c.add(copyId, ts + 600, label, caption, inline(resized(bytes, 48)));
                    c.nearDuplicates.put(copyId, id);
                }
                if (taken % 5 == 4) {
                    String copyId = id + "#jpeg";
                    c.add(copyId, ts + 700, label, caption, inline(jpeg(bytes, 0.75f)));
                    c.nearDuplicates.put(copyId, id);
                }
                taken++;
                ts += 1000;
            }
        }
        c.addBadOnes(fileRoot, ts);
        return c;
    }

    private void addBadOnes(Path fileRoot, long ts) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<Path> icons = new ArrayList<>(files.values());
        for (int i = 0; i < 5; i++) {
            byte[] png = Files.readAllBytes(icons.get(i * 3));
            int cut = 30 + random.nextInt(png.length / 2);
            bad(
                    "truncated-" + i,
                    ts++,
                    inline(java.util.Arrays.copyOf(png, cut)),
                    RejectReason.CORRUPT_IMAGE);
        }
        byte[] png = Files.readAllBytes(icons.get(1));
        byte[] wrongMagic = png.clone();
        wrongMagic[0] = 'J';
        wrongMagic[1] = 'U';
        bad("wrong-magic", ts++, inline(wrongMagic), RejectReason.UNSUPPORTED_IMAGE_FORMAT);
        bad("bomb", ts++, inline(pngHeader(50_000, 50_000)), RejectReason.DECOMPRESSION_BOMB);
        bad("zero-width", ts++, inline(pngHeader(0, 50)), RejectReason.EMPTY_IMAGE);
        bad("zero-bytes", ts++, inline(new byte[0]), RejectReason.EMPTY_IMAGE);
        Path empty = fileRoot.resolve("empty.png");
        Files.write(empty, new byte[0]);
        bad("zero-byte-file", ts++, uri(empty), RejectReason.EMPTY_IMAGE);
        for (int i = 0; i < 3; i++) {
            byte[] noise = new byte[64 + random.nextInt(2000)];
            random.nextBytes(noise);
            bad("random-" + i, ts++, inline(noise), RejectReason.UNSUPPORTED_IMAGE_FORMAT);
        }
        bad("outside-roots", ts++, uri(icons.get(0)), RejectReason.IMAGE_UNREADABLE);
        bad("missing-file", ts++, uri(fileRoot.resolve("nope.png")), RejectReason.IMAGE_UNREADABLE);
        bad("http", ts++, "{\"uri\":\"http://127.0.0.1:9/x.png\"}", RejectReason.IMAGE_UNREADABLE);
        bad("no-image", ts++, null, RejectReason.MISSING_IMAGE);
        bad("both", ts++, "{\"uri\":\"file:/x\",\"bytes\":\"AAAA\"}", RejectReason.MISSING_IMAGE);
        lines.add("{\"id\":\"not-json".getBytes(StandardCharsets.UTF_8));
    }

    private void bad(String id, long ts, String image, RejectReason reason) {
        add("bad/" + id, ts, null, null, image);
        bad.put("bad/" + id, reason.code());
    }

    private void add(String id, long ts, String label, String caption, String image) {
        StringBuilder json =
                new StringBuilder("{\"id\":\"").append(id).append("\",\"ts\":").append(ts);
        if (label != null) {
            json.append(",\"label\":\"").append(label).append('"');
        }
        if (caption != null) {
            json.append(",\"caption\":\"").append(caption).append('"');
        }
        if (image != null) {
            json.append(",\"image\":").append(image);
        }
        lines.add(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String inline(byte[] bytes) {
        return "{\"bytes\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}";
    }

    private static String uri(Path file) {
        return "{\"uri\":\"" + file.toUri() + "\"}";
    }

    static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13);
        b.put(new byte[] {'I', 'H', 'D', 'R'});
        b.putInt(width).putInt(height);
        b.put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(b.array(), 12, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The icon flattened on white and redrawn at side x side (bilinear, java.awt), as PNG. */
    static byte[] resized(byte[] png, int side) throws IOException {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(ImageIO.read(new ByteArrayInputStream(png)), 0, 0, side, side, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "png", bytes);
        return bytes.toByteArray();
    }

    /** The icon flattened on white and re-encoded as a JPEG of this quality (0..1). */
    static byte[] jpeg(byte[] png, float quality) throws IOException {
        BufferedImage in = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage flat =
                new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, in.getWidth(), in.getHeight());
        g.drawImage(in, 0, 0, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(flat, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static long phash(byte[] png, int size) {
        try {
            RgbImage normalized =
                    new ImageNormalizer(size)
                            .normalize(
                                    new ImageDecoder(0xFFFFFF)
                                            .decode(png, ImageHeader.probe(png, 1 << 20)));
            return PerceptualHash.phash(normalized);
        } catch (ImageRejection e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

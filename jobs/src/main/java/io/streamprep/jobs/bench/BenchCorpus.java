package io.streamprep.jobs.bench;

import io.streamprep.jobs.corpus.WordNetCorpus;
import io.streamprep.schemas.records.TextRecord;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's fixed real corpus: WordNet 3.1 glosses with their usage examples (117,791
 * records, about 15 MB of text), then, until the requested size is reached, the paragraphs of the
 * Debian documentation under {@code /usr/share/doc} (copyright files, changelogs, NEWS, README and
 * {@code .txt}/{@code .md} files, gzipped or not, in path order), each paragraph one record of at
 * most {@value #MAX_CHUNK_CHARS} characters.
 *
 * <p>Texts that repeat an earlier text exactly are skipped, so the pipeline tokenizes nearly every
 * input record and the full/tokenizer-only ratio compares like with like. Files that are not valid
 * UTF-8 are skipped. The WordNet part is the same everywhere; the Debian part depends on the
 * installed packages, so the result names the corpus by its SHA-256 and record count.
 */
final class BenchCorpus {

    static final String DOC_ROOT = "/usr/share/doc";
    static final int MAX_CHUNK_CHARS = 4_000;
    private static final int MIN_PARAGRAPH_CHARS = 40;
    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern PROSE_FILE =
            Pattern.compile(
                    "(copyright|changelog(\\.Debian)?|NEWS(\\.Debian)?|README(\\.Debian)?"
                            + "|[^/]*\\.txt|[^/]*\\.md)(\\.gz)?");

    private final List<String> ids = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    private final long targetBytes;
    private long textBytes;
    private int wordNetRecords;
    private int docRecords;
    private int stride = 1;

    private BenchCorpus(long targetBytes) {
        this.targetBytes = targetBytes;
    }

    /** Builds the corpus of at least {@code targetBytes} UTF-8 text bytes, or as much as exists. */
    static BenchCorpus build(long targetBytes, Path docRoot) throws IOException {
        BenchCorpus corpus = new BenchCorpus(targetBytes);
        WordNetCorpus.forEach(
                WordNetCorpus.Options.all().withExamples(true),
                record -> {
                    if (!corpus.full() && corpus.add(record.id(), record.text(), record.label())) {
                        corpus.wordNetRecords++;
                    }
                });
        if (!corpus.full() && Files.isDirectory(docRoot)) {
            corpus.addDocs(docRoot);
        }
        corpus.stride = stride(corpus.size());
        return corpus;
    }

    int size() {
        return texts.size();
    }

    /**
     * The index of the {@code k}-th record (0 ≤ k < size) in an order that mixes the corpus evenly:
     * a stride of about 0.618 × size, coprime with size, so every stretch of the sequence has close
     * to the corpus's mix of short WordNet glosses and longer Debian paragraphs. A paced run that
     * fed the corpus in order met the longer records only after half a minute, at several times the
     * cost per record its rate was chosen for.
     */
    int mixed(int k) {
        return mixed(k, texts.size(), stride);
    }

    static int mixed(int k, int size, int stride) {
        return (int) ((long) k * stride % size);
    }

    static int stride(int size) {
        if (size <= 2) {
            return 1;
        }
        int stride = (int) Math.round(size * 0.6180339887498949);
        while (gcd(stride, size) != 1) {
            stride++;
        }
        return stride;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    String text(int i) {
        return texts.get(i);
    }

    List<String> texts() {
        return texts;
    }

    long textBytes() {
        return textBytes;
    }

    /**
     * The Kafka value of record {@code i}: its JSON line. {@code cycle} > 0 makes a new distinct
     * record from the same text (id suffix and a marker), for runs that need more records than the
     * corpus has.
     */
    byte[] value(int i, long ts, int cycle) {
        String id = cycle == 0 ? ids.get(i) : ids.get(i) + "~" + cycle;
        String text = cycle == 0 ? texts.get(i) : texts.get(i) + " (" + cycle + ")";
        return Json.toBytes(new TextRecord(id, ts, text, labels.get(i), null));
    }

    String id(int i, int cycle) {
        return cycle == 0 ? ids.get(i) : ids.get(i) + "~" + cycle;
    }

    /** A description for the results: sources and sizes. */
    String describe() {
        return String.format(
                Locale.ROOT,
                "%,d records, %.1f MB of text: %,d WordNet 3.1 glosses with examples, %,d"
                        + " paragraphs of %s",
                texts.size(),
                textBytes / 1e6,
                wordNetRecords,
                docRecords,
                DOC_ROOT);
    }

    /** SHA-256 over every id and text, so two runs can tell whether they used the same corpus. */
    String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < texts.size(); i++) {
                digest.update(ids.get(i).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(texts.get(i).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean full() {
        return textBytes >= targetBytes;
    }

    private boolean add(String id, String text, String label) {
        if (!seen.add(hash(text))) {
            return false;
        }
        ids.add(id);
        texts.add(text);
        labels.add(label);
        textBytes += text.getBytes(StandardCharsets.UTF_8).length;
        return true;
    }

    private void addDocs(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(p -> PROSE_FILE.matcher(p.getFileName().toString()).matches())
                            .sorted()
                            .toList();
        }
        for (Path file : files) {
            String content = read(file);
            if (content == null) {
                continue;
            }
            String name = root.relativize(file).toString();
            String label = "debian." + kind(file.getFileName().toString());
            int paragraph = 0;
            for (String part : PARAGRAPHS.split(content)) {
                String text = part.strip();
                for (int start = 0; start < text.length(); start += MAX_CHUNK_CHARS) {
                    String chunk =
                            text.substring(start, Math.min(text.length(), start + MAX_CHUNK_CHARS));
                    if (chunk.length() >= MIN_PARAGRAPH_CHARS
                            && add("doc:" + name + "#" + paragraph, chunk, label)) {
                        docRecords++;
                        if (full()) {
                            return;
                        }
                    }
                    paragraph++;
                }
            }
        }
    }

    private static String kind(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String kind : List.of("copyright", "changelog", "news", "readme")) {
            if (lower.startsWith(kind)) {
                return kind;
            }
        }
        return "text";
    }

    /** The file as UTF-8 text, or {@code null} if it cannot be read or is not UTF-8. */
    private static String read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = in.readAllBytes();
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long hash(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ ((long) text.length() << 48);
    }
}

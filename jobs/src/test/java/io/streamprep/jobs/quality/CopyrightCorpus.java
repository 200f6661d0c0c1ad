package io.streamprep.jobs.quality;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Debian's {@code /usr/share/doc/<package>/copyright} files: real license texts with many
 * near-identical variants (the same GPL or MIT text under different copyright headers). One
 * document per distinct file (symlinked package folders count once), in path order, decoded as
 * UTF-8 with bad bytes replaced; files over {@code maxBytes} are skipped to keep the test small.
 */
public final class CopyrightCorpus {

    /** One copyright file. */
    public record Document(String id, String text) {}

    private CopyrightCorpus() {}

    public static List<Document> load(Path docRoot, int maxBytes) throws IOException {
        List<Path> files;
        try (Stream<Path> packages = Files.list(docRoot)) {
            files =
                    packages.map(p -> p.resolve("copyright"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .toList();
        }
        Set<Path> seen = new HashSet<>();
        List<Document> documents = new ArrayList<>();
        for (Path file : files) {
            if (!seen.add(file.toRealPath()) || Files.size(file) > maxBytes) {
                continue;
            }
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)
                            .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                            .toString();
            if (!text.isBlank()) {
                documents.add(new Document("copyright-" + file.getParent().getFileName(), text));
            }
        }
        return documents;
    }
}

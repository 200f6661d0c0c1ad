package io.streamprep.operators.image;

import io.streamprep.schemas.records.RejectReason;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the encoded bytes an image URI points to, within the size limit and only from allowed
 * folders.
 *
 * <p>Supported: {@code file:} URIs of regular files whose real path (symbolic links resolved) lies
 * under one of the configured roots. Everything else is an {@link ImageRejection}: other schemes,
 * paths outside the roots, missing or unreadable files ({@code image_unreadable}), and files over
 * the limit ({@code image_too_large}, checked before reading). Remote ({@code http(s):}) URIs are
 * not read here: {@link ImageFetcher} fetches them when {@code image.http.enabled} is set.
 */
public final class ImageBytes {

    private final List<Path> roots;
    private final long maxBytes;

    public ImageBytes(List<String> roots, long maxBytes) {
        this.roots = roots.stream().map(Path::of).toList();
        this.maxBytes = maxBytes;
    }

    public byte[] read(String uriText) throws ImageRejection {
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            throw unreadable("not a URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            throw unreadable(
                    "image URI scheme '"
                            + scheme
                            + "' is not fetched: image.http.enabled is false");
        }
        if (!scheme.equals("file")) {
            throw unreadable(
                    "image URI scheme '"
                            + scheme
                            + "' is not supported (only file: URIs are read)");
        }
        if (roots.isEmpty()) {
            throw unreadable("file: image URIs are refused: image.file-roots is empty");
        }
        Path path;
        try {
            path = Path.of(uri).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw unreadable("cannot open " + uriText + ": " + ImageHeader.describe(e));
        }
        if (roots.stream().noneMatch(path::startsWith)) {
            throw unreadable(path + " is outside image.file-roots");
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw unreadable(path + " is not a regular file");
            }
            long size = Files.size(path);
            checkSize(size);
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw unreadable("cannot read " + path + ": " + ImageHeader.describe(e));
        }
    }

    /** Rejects an encoded image of this many bytes if it is over the limit. */
    public void checkSize(long size) throws ImageRejection {
        if (size > maxBytes) {
            throw new ImageRejection(
                    RejectReason.IMAGE_TOO_LARGE,
                    "the image has " + size + " bytes, more than image.max-bytes = " + maxBytes);
        }
    }

    private static ImageRejection unreadable(String message) {
        return new ImageRejection(RejectReason.IMAGE_UNREADABLE, message);
    }
}

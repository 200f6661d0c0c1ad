package io.streamprep.operators.image;

import io.streamprep.schemas.records.RejectReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches encoded images from {@code http(s)} URIs with {@link HttpClient}, without blocking a
 * thread per request.
 *
 * <p><b>Limits.</b> Each attempt has {@code image.http.timeout} for connecting, the headers and the
 * whole body. Only status 200 is accepted. The body is read into memory only up to {@code
 * image.max-bytes}: a larger {@code Content-Length} is refused before reading, and a body that
 * grows past the limit is cancelled as soon as it does.
 *
 * <p><b>Failures.</b> The future never fails with anything but an {@link ImageRejection}: {@code
 * image_too_large} for an oversize body, else {@code image_unreadable} (bad URI, connection error,
 * timeout, status other than 200). Connection errors, timeouts, 5xx and 429 are retried up to
 * {@code image.http.retries} times, after 200 ms, 400 ms, ...; the rest are final at once.
 *
 * <p>Not deterministic by nature: what a URI returns is up to its server. Thread-safe.
 */
public final class ImageFetcher {

    private final ImageHttpSettings settings;
    private final HttpClient client;

    public ImageFetcher(ImageHttpSettings settings) {
        this.settings = settings;
        this.client =
                HttpClient.newBuilder()
                        .connectTimeout(settings.timeout())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    /** The body at {@code uriText}, or an {@link ImageRejection} saying why not. */
    public CompletableFuture<byte[]> fetch(String uriText) {
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(unreadable("not a URI: " + e.getMessage()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return CompletableFuture.failedFuture(unreadable("not an http(s) URL: " + uriText));
        }
        return attempt(uri, 0);
    }

    private CompletableFuture<byte[]> attempt(URI uri, int retry) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().build();
        CompletableFuture<byte[]> one;
        try {
            one =
                    client.sendAsync(request, this::body)
                            .thenApply(HttpResponse::body)
                            .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(unreadable("bad URL " + uri + ": " + e));
        }
        return one.handle((bytes, error) -> next(uri, retry, bytes, error)).thenCompose(f -> f);
    }

    private CompletionStage<byte[]> next(URI uri, int retry, byte[] bytes, Throwable error) {
        if (error == null) {
            return CompletableFuture.completedFuture(bytes);
        }
        Throwable cause = unwrap(error);
        Failure failure =
                cause instanceof Failure f
                        ? f
                        : new Failure(true, unreadable(describe(cause, uri)));
        if (!failure.retryable || retry >= settings.retries()) {
            String attempts = retry == 0 ? "" : " after " + (retry + 1) + " attempts";
            return CompletableFuture.failedFuture(
                    new ImageRejection(
                            failure.rejection.reason(), failure.rejection.getMessage() + attempts));
        }
        long pause = ImageHttpSettings.BACKOFF.toMillis() * (retry + 1);
        return CompletableFuture.supplyAsync(
                        () -> null, CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> attempt(uri, retry + 1));
    }

    private BodySubscriber<byte[]> body(ResponseInfo info) {
        int status = info.statusCode();
        if (status != 200) {
            return new LimitedBody(
                    0,
                    new Failure(
                            status >= 500 || status == 429, unreadable("HTTP status " + status)));
        }
        OptionalLong length = info.headers().firstValueAsLong("content-length");
        if (length.isPresent() && length.getAsLong() > settings.maxBytes()) {
            return new LimitedBody(
                    0,
                    new Failure(
                            false, tooLarge("Content-Length is " + length.getAsLong() + " bytes")));
        }
        return new LimitedBody(settings.maxBytes(), null);
    }

    private String describe(Throwable cause, URI uri) {
        String what =
                cause instanceof TimeoutException || cause instanceof HttpTimeoutException
                        ? "no complete answer within " + settings.timeout()
                        : "cannot fetch: " + ImageHeader.describe(cause);
        return what + " (" + uri + ")";
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IOException && t.getCause() instanceof Failure f) {
            return f;
        }
        return t;
    }

    private ImageRejection tooLarge(String what) {
        return new ImageRejection(
                RejectReason.IMAGE_TOO_LARGE,
                what + ", more than image.max-bytes = " + settings.maxBytes() + "; not read");
    }

    private static ImageRejection unreadable(String message) {
        return new ImageRejection(RejectReason.IMAGE_UNREADABLE, message);
    }

    /** A failed attempt: whether to try again, and the rejection if not. */
    private static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        private final boolean retryable;
        private final ImageRejection rejection;

        Failure(boolean retryable, ImageRejection rejection) {
            super(rejection.getMessage(), null, false, false);
            this.retryable = retryable;
            this.rejection = rejection;
        }
    }

    /**
     * Collects the body up to a limit, cancelling the transfer the moment it is exceeded; or, given
     * a failure, cancels at once and fails with it.
     */
    private final class LimitedBody implements BodySubscriber<byte[]> {

        private final long limit;
        private final Failure failure;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(long limit, Failure failure) {
            this.limit = limit;
            this.failure = failure;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (failure != null) {
                s.cancel();
                result.completeExceptionally(failure);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (bytes.size() + (long) b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(
                            new Failure(false, tooLarge("the body exceeds " + limit + " bytes")));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}

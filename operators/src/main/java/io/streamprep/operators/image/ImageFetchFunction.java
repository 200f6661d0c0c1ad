package io.streamprep.operators.image;

import io.streamprep.schemas.records.RejectReason;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The Flink Async I/O function of the {@code fetch} stage: fetches each {@link RemoteImage} with an
 * {@link ImageFetcher} and always completes with exactly one {@link FetchedImage}, bytes or a
 * failure; it never fails the job, not even when Async I/O's own time limit fires (which the
 * fetcher's per-attempt limits normally pre-empt). In-flight fetches are part of checkpoints (Async
 * I/O re-issues them after a restore).
 */
public class ImageFetchFunction extends RichAsyncFunction<RemoteImage, FetchedImage> {

    private static final long serialVersionUID = 1L;

    private final ImageHttpSettings settings;

    private transient ImageFetcher fetcher;

    public ImageFetchFunction(ImageHttpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        fetcher = new ImageFetcher(settings);
    }

    @Override
    public void asyncInvoke(RemoteImage input, ResultFuture<FetchedImage> result) {
        fetcher.fetch(input.uri())
                .whenComplete(
                        (bytes, error) -> {
                            if (error == null) {
                                result.complete(List.of(FetchedImage.ok(input, bytes)));
                            } else {
                                result.complete(List.of(failed(input, error)));
                            }
                        });
    }

    @Override
    public void timeout(RemoteImage input, ResultFuture<FetchedImage> result) {
        result.complete(
                List.of(
                        FetchedImage.failed(
                                input,
                                RejectReason.IMAGE_UNREADABLE,
                                "no answer within " + settings.totalTimeout())));
    }

    private static FetchedImage failed(RemoteImage input, Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof ImageRejection)) {
            cause = cause.getCause();
        }
        if (cause instanceof ImageRejection r) {
            return FetchedImage.failed(input, r.reason(), r.getMessage());
        }
        return FetchedImage.failed(
                input, RejectReason.IMAGE_UNREADABLE, ImageHeader.describe(cause));
    }
}

package io.streamprep.operators.augment.text.mt;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;

/** A {@link ResultFuture} that a test can wait on. */
final class TestingResultFuture<T> implements ResultFuture<T> {

    final CompletableFuture<Collection<T>> result = new CompletableFuture<>();

    @Override
    public void complete(Collection<T> values) {
        result.complete(values);
    }

    @Override
    public void completeExceptionally(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void complete(CollectionSupplier<T> supplier) {
        try {
            result.complete(supplier.get());
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
    }
}

package io.streamprep.operators.augment.text.mt;

import io.streamprep.operators.augment.text.AugmentPolicy;
import io.streamprep.schemas.records.TextEvent;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The asynchronous half of back-translation, for Flink Async I/O: every event comes out as exactly
 * one {@link BackTranslation}, never as an error.
 *
 * <p>Events the policy does not back-translate (EDA variants, other classes) complete at once.
 * Others go through the Apertium APy server ({@link BackTranslator}: texts of many records batched
 * into one request per leg, request timeouts, retries with backoff, circuit breaker); texts over
 * {@code max-chars} are not sent. {@code asyncInvoke} only queues the text; a batch is sent when
 * full or after {@code batch.max-delay} by a timer thread this function owns (stopped in {@link
 * #close()}). A server that is slow or down, and an Async I/O timeout, give a failed result, so the
 * job keeps running and only that variant is missing. In-flight events are part of Async I/O's
 * checkpointed state and are sent again after a restore (in whatever batches they then form, which
 * does not change their translation: see {@link ApyBatchFormat}).
 */
public class BackTranslateFunction extends RichAsyncFunction<TextEvent, BackTranslation> {

    private static final long serialVersionUID = 1L;

    private final BackTranslateSettings settings;
    private final AugmentPolicy policy;

    private transient BackTranslator translator;

    public BackTranslateFunction(BackTranslateSettings settings, AugmentPolicy policy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void open(OpenContext openContext) {
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(settings.requestTimeout())
                        .build();
        translator =
                new BackTranslator(
                        new ApertiumClient(http, settings.url(), settings.requestTimeout()),
                        settings);
    }

    @Override
    public void asyncInvoke(TextEvent event, ResultFuture<BackTranslation> result) {
        int variant = policy.backTranslationVariantOf(event);
        if (variant == 0) {
            result.complete(List.of(BackTranslation.notRequested(event)));
            return;
        }
        if (event.text().length() > settings.maxChars()) {
            result.complete(List.of(BackTranslation.failed(event, variant, "too_long")));
            return;
        }
        translator
                .backTranslate(event.text())
                .whenComplete(
                        (translated, error) ->
                                result.complete(
                                        List.of(
                                                error == null
                                                        ? BackTranslation.translated(
                                                                event,
                                                                variant,
                                                                translated.pivot(),
                                                                translated.text(),
                                                                translated.resentAlone())
                                                        : BackTranslation.failed(
                                                                event,
                                                                variant,
                                                                BackTranslator.reasonOf(error)))));
    }

    @Override
    public void close() {
        if (translator != null) {
            translator.close();
            translator = null;
        }
    }

    @Override
    public void timeout(TextEvent event, ResultFuture<BackTranslation> result) {
        result.complete(
                List.of(
                        BackTranslation.failed(
                                event, policy.backTranslationVariantOf(event), "timeout")));
    }
}

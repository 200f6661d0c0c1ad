package io.streamprep.operators.augment.text.mt;

import io.streamprep.schemas.config.AugmentOptions;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Every knob of back-translation ({@code augment.backtranslate.*}), read once into an immutable,
 * serializable value.
 *
 * @param url base URL of the Apertium APy server
 * @param sourceLang the records' language (left side of the language pair)
 * @param pivotLang the language translated through (right side)
 * @param maxChars longer texts are not sent
 * @param requestTimeout timeout of one HTTP request
 * @param retries retries of a failed request
 * @param backoff wait before the first retry, doubled for each further one
 * @param capacity records in flight per parallel instance
 * @param breakerFailures consecutive failed requests that open the circuit breaker
 * @param breakerCooldown how long the open breaker skips records before a trial
 * @param batchMaxSentences texts of different records per request; 1 sends each text alone
 * @param batchMaxChars upper bound of a batched request's text, separators included
 * @param batchMaxDelay how long a text waits for more texts before its batch is sent
 * @throws IllegalArgumentException if a value is out of range; the message names the option
 */
public record BackTranslateSettings(
        String url,
        String sourceLang,
        String pivotLang,
        int maxChars,
        Duration requestTimeout,
        int retries,
        Duration backoff,
        int capacity,
        int breakerFailures,
        Duration breakerCooldown,
        int batchMaxSentences,
        int batchMaxChars,
        Duration batchMaxDelay)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public BackTranslateSettings {
        Objects.requireNonNull(url, "url");
        URI.create(url);
        positive(maxChars, AugmentOptions.BACKTRANSLATE_MAX_CHARS.key());
        positive(capacity, AugmentOptions.BACKTRANSLATE_CAPACITY.key());
        positive(breakerFailures, AugmentOptions.BACKTRANSLATE_BREAKER_FAILURES.key());
        positive(batchMaxSentences, AugmentOptions.BACKTRANSLATE_BATCH_MAX_SENTENCES.key());
        positive(batchMaxChars, AugmentOptions.BACKTRANSLATE_BATCH_MAX_CHARS.key());
        if (batchMaxDelay.isNegative()) {
            throw new IllegalArgumentException(
                    AugmentOptions.BACKTRANSLATE_BATCH_MAX_DELAY.key() + " must be >= 0");
        }
        if (retries < 0) {
            throw new IllegalArgumentException(
                    AugmentOptions.BACKTRANSLATE_RETRIES.key()
                            + " must be >= 0, but is "
                            + retries);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    AugmentOptions.BACKTRANSLATE_TIMEOUT.key() + " must be positive");
        }
    }

    /** Reads {@code augment.backtranslate.*}, falling back to the defaults. */
    public static BackTranslateSettings fromConfig(ReadableConfig config) {
        String pair = config.get(AugmentOptions.BACKTRANSLATE_LANGPAIR);
        String[] langs = pair.split("\\|");
        if (langs.length != 2 || langs[0].isBlank() || langs[1].isBlank()) {
            throw new IllegalArgumentException(
                    AugmentOptions.BACKTRANSLATE_LANGPAIR.key()
                            + " must look like 'eng|spa', but is '"
                            + pair
                            + "'");
        }
        return new BackTranslateSettings(
                config.get(AugmentOptions.BACKTRANSLATE_URL),
                langs[0].strip(),
                langs[1].strip(),
                config.get(AugmentOptions.BACKTRANSLATE_MAX_CHARS),
                config.get(AugmentOptions.BACKTRANSLATE_TIMEOUT),
                config.get(AugmentOptions.BACKTRANSLATE_RETRIES),
                config.get(AugmentOptions.BACKTRANSLATE_BACKOFF),
                config.get(AugmentOptions.BACKTRANSLATE_CAPACITY),
                config.get(AugmentOptions.BACKTRANSLATE_BREAKER_FAILURES),
                config.get(AugmentOptions.BACKTRANSLATE_BREAKER_COOLDOWN),
                config.get(AugmentOptions.BACKTRANSLATE_BATCH_MAX_SENTENCES),
                config.get(AugmentOptions.BACKTRANSLATE_BATCH_MAX_CHARS),
                config.get(AugmentOptions.BACKTRANSLATE_BATCH_MAX_DELAY));
    }

    /** {@code source|pivot}. */
    public String forwardPair() {
        return sourceLang + "|" + pivotLang;
    }

    /** {@code pivot|source}. */
    public String backwardPair() {
        return pivotLang + "|" + sourceLang;
    }

    /**
     * The Async I/O timeout of one record: per leg the batching delay, the request with every retry
     * and backoff, and once more for a batch whose answer had to be re-sent text by text; both
     * legs, plus a margin. It is only a safety net: the requests' own timeouts end a record first.
     */
    public Duration recordTimeout() {
        Duration request =
                requestTimeout
                        .multipliedBy(retries + 1L)
                        .plus(backoff.multipliedBy(1L << Math.min(retries, 20)));
        Duration leg = batchMaxDelay.plus(request.multipliedBy(2));
        return leg.multipliedBy(2).plusSeconds(2);
    }

    private static void positive(int value, String key) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be > 0, but is " + value);
        }
    }
}

package io.streamprep.operators.augment.text.mt;

import io.streamprep.schemas.records.TextEvent;

/**
 * What the asynchronous back-translation step found for one event, for {@link
 * BackTranslationEmitter} to emit and count (Async I/O functions cannot update accumulators).
 *
 * @param source the incoming event, always emitted
 * @param variant the variant number of the back-translation; 0 when none was asked for
 * @param pivot the text in the pivot language, or {@code null}
 * @param text the back-translated text, or {@code null}
 * @param failure why no back-translation was made ({@code too_long}, {@code timeout}, {@code
 *     circuit_open}, {@code io}, {@code http_<status>}, {@code error}, {@code closed}), or {@code
 *     null}
 * @param resentAlone the text was batched with other records' texts, the batched answer could not
 *     be split into one part per text, and the text was translated again on its own
 */
public record BackTranslation(
        TextEvent source,
        int variant,
        String pivot,
        String text,
        String failure,
        boolean resentAlone) {

    static BackTranslation notRequested(TextEvent source) {
        return new BackTranslation(source, 0, null, null, null, false);
    }

    static BackTranslation translated(TextEvent source, int variant, String pivot, String text) {
        return translated(source, variant, pivot, text, false);
    }

    static BackTranslation translated(
            TextEvent source, int variant, String pivot, String text, boolean resentAlone) {
        return new BackTranslation(source, variant, pivot, text, null, resentAlone);
    }

    static BackTranslation failed(TextEvent source, int variant, String failure) {
        return new BackTranslation(source, variant, null, null, failure, false);
    }
}

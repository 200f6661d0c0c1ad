package io.streamprep.jobs.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a corpus export wrote.
 *
 * @param countsByLabel records per label, in the corpus's canonical label order; labels without
 *     records are absent
 * @param records all records written
 * @param duplicateTexts records whose {@code text} is exactly (byte for byte) the {@code text} of
 *     an earlier record in the same output; a ground truth for exact-dedup tests
 */
public record CorpusSummary(Map<String, Integer> countsByLabel, int records, int duplicateTexts) {

    public CorpusSummary {
        countsByLabel = Collections.unmodifiableMap(new LinkedHashMap<>(countsByLabel));
    }
}

package io.streamprep.jobs.determinism;

import io.streamprep.operators.normalize.NormalizationResult;
import io.streamprep.operators.normalize.NormalizerSettings;
import io.streamprep.operators.normalize.TextNormalizer;
import io.streamprep.operators.parse.ParseOutcome;
import io.streamprep.operators.parse.ParserSettings;
import io.streamprep.operators.parse.RecordParser;
import io.streamprep.schemas.config.DedupOptions;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TextEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;

/**
 * What the pipeline must output for a {@link DisorderedInput}, worked out without Flink and without
 * regard to arrival: records are parsed and normalized with the production parser and normalizer,
 * and the dedup rule is applied here from scratch: among records with the same normalized text,
 * taken in (event time, id) order, a record is a duplicate of the last kept one if it is at most
 * the window later, else it is kept.
 *
 * @param duplicates every duplicate record the run must emit
 * @param keptIds the ids of the records that must reach tokenization
 * @param deadLetterReasons the reason of every dead letter, by source position
 * @param tieBreaks duplicates that share their event time with the record they lose to (decided by
 *     id)
 * @param lateWinners duplicates sent before the record they lose to
 */
record ExpectedOutput(
        Set<DuplicateRecord> duplicates,
        Set<String> keptIds,
        Map<String, String> deadLetterReasons,
        int tieBreaks,
        int lateWinners) {

    /** The expected output of {@code input} read from {@code topic} under {@code options}. */
    static ExpectedOutput of(DisorderedInput input, String topic, ReadableConfig options) {
        RecordParser parser = new RecordParser(ParserSettings.fromConfig(options));
        TextNormalizer normalizer = new TextNormalizer(NormalizerSettings.fromConfig(options));
        Map<String, String> deadLetters = new HashMap<>();
        Map<String, List<Candidate>> byText = new HashMap<>();
        for (DisorderedInput.Entry entry : input.entries()) {
            ParseOutcome parsed = parser.parse(entry.raw(topic));
            if (!parsed.isAccepted()) {
                deadLetters.put(entry.position(topic), parsed.rejection().reason());
                continue;
            }
            TextEvent event = parsed.event();
            if (event.record().ts() == null) {
                // Its event time would be the Kafka record time, which differs from topic to topic.
                throw new IllegalStateException("every valid input record needs a ts: " + event);
            }
            NormalizationResult normalized = normalizer.normalize(event.text());
            if (!normalized.isAccepted()) {
                deadLetters.put(entry.position(topic), normalized.reason().code());
                continue;
            }
            byText.computeIfAbsent(normalized.text(), t -> new ArrayList<>())
                    .add(new Candidate(event.id(), event.eventTime(), entry.sendOrder()));
        }
        long window = options.get(DedupOptions.EXACT_WINDOW).toMillis();
        Set<DuplicateRecord> duplicates = new HashSet<>();
        Set<String> kept = new HashSet<>();
        int tieBreaks = 0;
        int lateWinners = 0;
        for (List<Candidate> group : byText.values()) {
            group.sort(Comparator.comparingLong(Candidate::eventTime).thenComparing(Candidate::id));
            Candidate last = null;
            for (Candidate c : group) {
                if (last != null && c.eventTime() - last.eventTime() <= window) {
                    duplicates.add(
                            new DuplicateRecord(c.id(), last.id(), DuplicateRecord.EXACT, 1.0));
                    tieBreaks += c.eventTime() == last.eventTime() ? 1 : 0;
                    lateWinners += c.sendOrder() < last.sendOrder() ? 1 : 0;
                } else {
                    kept.add(c.id());
                    last = c;
                }
            }
        }
        return new ExpectedOutput(duplicates, kept, deadLetters, tieBreaks, lateWinners);
    }

    private record Candidate(String id, long eventTime, int sendOrder) {}
}

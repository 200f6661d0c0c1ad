package io.streamprep.jobs.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.streamprep.schemas.records.RejectReason;
import java.util.List;
import java.util.Objects;

/**
 * What the pipeline should do with one line of the shipped sample, under the sample's reference
 * configuration (all defaults plus {@code labels.list} set to {@link SampleDataGenerator#LABELS}).
 * One of these per line of {@code wordnet-glosses.expected.jsonl}; lines not listed there are real
 * WordNet records that should pass unchanged.
 *
 * @param line the 1-based line number in {@code wordnet-glosses.jsonl}
 * @param id the record's id, or {@code null} when the line has none
 * @param kind what the line is, e.g. {@code duplicate-html} or {@code bad-not-json}
 * @param expect the outcome under the reference configuration
 * @param reason the dead-letter reason code ({@link RejectReason#code()}) when {@code expect} is
 *     {@code dead_letter}
 * @param duplicateOf the id of the kept record when {@code expect} is {@code duplicate}
 * @param lowercaseDuplicateOf the id of the record this one duplicates only when {@code
 *     normalize.lowercase} is on
 * @param placeholders PII placeholders the normalized text must contain, e.g. {@code <EMAIL>}
 * @param note a sentence for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "line",
    "id",
    "kind",
    "expect",
    "reason",
    "duplicateOf",
    "lowercaseDuplicateOf",
    "placeholders",
    "note"
})
public record ExpectedOutcome(
        @JsonProperty("line") int line,
        @JsonProperty("id") String id,
        @JsonProperty("kind") String kind,
        @JsonProperty("expect") Outcome expect,
        @JsonProperty("reason") String reason,
        @JsonProperty("duplicateOf") String duplicateOf,
        @JsonProperty("lowercaseDuplicateOf") String lowercaseDuplicateOf,
        @JsonProperty("placeholders") List<String> placeholders,
        @JsonProperty("note") String note) {

    /** Where a line should end up. */
    public enum Outcome {
        @JsonProperty("pass")
        PASS,
        @JsonProperty("duplicate")
        DUPLICATE,
        @JsonProperty("dead_letter")
        DEAD_LETTER
    }

    public ExpectedOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(note, "note");
        placeholders = placeholders == null ? null : List.copyOf(placeholders);
    }

    static ExpectedOutcome pass(String id, String kind, String note) {
        return new ExpectedOutcome(0, id, kind, Outcome.PASS, null, null, null, null, note);
    }

    static ExpectedOutcome duplicate(String id, String kind, String of, String note) {
        return new ExpectedOutcome(0, id, kind, Outcome.DUPLICATE, null, of, null, null, note);
    }

    static ExpectedOutcome deadLetter(String id, String kind, RejectReason reason, String note) {
        return new ExpectedOutcome(
                0, id, kind, Outcome.DEAD_LETTER, reason.code(), null, null, null, note);
    }

    ExpectedOutcome atLine(int newLine) {
        return new ExpectedOutcome(
                newLine,
                id,
                kind,
                expect,
                reason,
                duplicateOf,
                lowercaseDuplicateOf,
                placeholders,
                note);
    }

    ExpectedOutcome withPlaceholders(List<String> newPlaceholders) {
        return new ExpectedOutcome(
                line,
                id,
                kind,
                expect,
                reason,
                duplicateOf,
                lowercaseDuplicateOf,
                newPlaceholders,
                note);
    }

    ExpectedOutcome withLowercaseDuplicateOf(String originalId) {
        return new ExpectedOutcome(
                line, id, kind, expect, reason, duplicateOf, originalId, placeholders, note);
    }
}

package io.streamprep.jobs.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code meta} object of a {@link WordNetCorpus} record.
 *
 * @param pos the part of speech: {@code noun}, {@code verb}, {@code adjective} or {@code adverb}
 * @param lemmas the synset's words in WordNet's order, underscores shown as spaces
 */
@JsonPropertyOrder({"pos", "lemmas"})
public record WordNetMeta(
        @JsonProperty("pos") String pos, @JsonProperty("lemmas") List<String> lemmas) {

    public WordNetMeta {
        lemmas = List.copyOf(lemmas);
    }
}

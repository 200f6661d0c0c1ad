package io.streamprep.operators.augment.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordNetSynonymsTest {

    @Test
    void wordsAndWordNetStyleLemmasAreLookedUp() {
        assertThat(WordNetSynonyms.lookupWorthy("dog")).isTrue();
        assertThat(WordNetSynonyms.lookupWorthy("mother-in-law")).isTrue();
        assertThat(WordNetSynonyms.lookupWorthy("o'clock")).isTrue();
        assertThat(WordNetSynonyms.lookupWorthy("u.s.")).isTrue();
        assertThat(WordNetSynonyms.shared().of("Dog")).contains("domestic dog");
        assertThat(WordNetSynonyms.shared().of("mother-in-law")).isNotEmpty();
    }

    @Test
    void identifiersPathsAndRulesAreNotLookedUp() {
        assertThat(WordNetSynonyms.lookupWorthy("")).isFalse();
        assertThat(WordNetSynonyms.lookupWorthy("a-b-c-d-e")).isFalse();
        assertThat(WordNetSynonyms.lookupWorthy("usr/share/doc")).isFalse();
        assertThat(WordNetSynonyms.lookupWorthy("foo_bar")).isFalse();
        assertThat(WordNetSynonyms.lookupWorthy("a--b")).isFalse();
        assertThat(WordNetSynonyms.lookupWorthy("x".repeat(41))).isFalse();
        // Before the guard, extjwnl's morphology tried every split of such strings (exponential).
        assertThat(WordNetSynonyms.shared().of("with-foo-bar-baz-qux-quux-corge-grault")).isEmpty();
        assertThat(WordNetSynonyms.shared().of("a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r")).isEmpty();
    }
}

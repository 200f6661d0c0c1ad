package io.streamprep.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlossesTest {

    @Test
    void definitionStopsAtTheFirstQuotedExample() {
        String gloss = "a large cat; a lion or tiger; \"the cat roared\"; \"a big one\"  ";

        assertThat(Glosses.definition(gloss)).isEqualTo("a large cat; a lion or tiger");
        assertThat(Glosses.full(gloss))
                .isEqualTo("a large cat; a lion or tiger; \"the cat roared\"; \"a big one\"");
    }

    @Test
    void quotesThatDoNotFollowASemicolonStayInTheDefinition() {
        assertThat(Glosses.definition("promise of reward as in \"carrot and stick\""))
                .isEqualTo("promise of reward as in \"carrot and stick\"");
        assertThat(Glosses.definition("female of domestic cattle: \"moo-cow\" is a child's term"))
                .isEqualTo("female of domestic cattle: \"moo-cow\" is a child's term");
    }

    @Test
    void glossWithoutExamplesIsItsOwnDefinition() {
        assertThat(Glosses.definition(" an entity that has physical existence "))
                .isEqualTo("an entity that has physical existence");
    }
}

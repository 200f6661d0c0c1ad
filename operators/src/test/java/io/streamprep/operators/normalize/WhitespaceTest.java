package io.streamprep.operators.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WhitespaceTest {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}");
    private static final Pattern RUNS = Pattern.compile("\\p{IsWhite_Space}+");

    @Test
    void knowsExactlyTheCharactersOfTheRegexClass() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String s = String.valueOf((char) c);
            assertThat(Whitespace.isWhiteSpace((char) c))
                    .as("U+%04X", c)
                    .isEqualTo(WHITE_SPACE.matcher(s).matches());
        }
    }

    @Test
    void collapsesLikeTheRegexAndReturnsCleanTextItself() {
        String clean = "two words, one space each";
        assertThat(Whitespace.collapse(clean)).isSameAs(clean);
        assertThat(Whitespace.collapse("a \t\n b\u00A0\u3000c ")).isEqualTo("a b c ");
        assertThat(Whitespace.collapse("  lead")).isEqualTo(" lead");
        assertThat(Whitespace.collapse("")).isEmpty();

        char[] alphabet = {
            'a', 'Z', ' ', ' ', '\t', '\n', '\r', '\u000B', '\u000C', '\u001C', '\u0085', '\u00A0',
            '\u1680', '\u2007', '\u200B', '\u2028', '\u202F', '\u3000', '\uD83C', '\uDF89', 'é'
        };
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(chars);
            assertThat(Whitespace.collapse(text))
                    .as("%s", text.chars().mapToObj(c -> String.format("%04X", c)).toList())
                    .isEqualTo(RUNS.matcher(text).replaceAll(" "));
        }
    }
}

package io.streamprep.operators.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlToTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<p>a</p><p>b</p>|a b",
                "a<br>b|a b",
                "a<br/>b|a b",
                "<div>one</div>two|one two",
                "<ul><li>x</li><li>y</li></ul>|x y",
                "<table><tr><td>a</td><td>b</td></tr></table>|a b",
                "<h1>Title</h1><p>Body text.</p>|Title Body text.",
                "<span>in</span><span>line</span>|inline",
                "<p>Hello <b>bold</b> and <i>italic</i></p>|Hello bold and italic",
                "<script>var x = 1;</script><p>shown</p><style>p { color: red }</style>|shown",
                "<html><head><title>T</title></head><body><p>body</p></body></html>|body",
                "<!-- comment -->visible|visible",
                "<!DOCTYPE html><p>doc</p>|doc",
                "Tom &amp; Jerry|Tom & Jerry",
                "caf&eacute; &#233; &#xE9;|café é é",
                "&lt;p&gt;not a tag&lt;/p&gt;|<p>not a tag</p>",
                "<p>1 < 2 and 3 > 2</p>|1 < 2 and 3 > 2",
                "<a href=\"https://example.com\">link</a> text|link text",
                "<P>Old</P><P>HTML</P>|Old HTML",
            })
    void extractsVisibleText(String html, String expected) {
        assertThat(HtmlToText.toText(html)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a < b and c > d",
                "x<y",
                "if a<b and c>d then",
                "List<String> and Map<String, Integer>",
                "class Box<B> {}",
                "AT&T and R&D; Q&A",
                "price &copy2024 no semicolon",
                "&unknownentity; stays",
                "mail me: <john@example.com>",
                "placeholders <EMAIL> <IP> <PHONE> <CREDIT_CARD>",
                "<3 you",
                "arrows <- and -> and <=>",
                "  keeps\n\nits   whitespace  ",
                "",
            })
    void leavesPlainTextUnchanged(String text) {
        assertThat(HtmlToText.looksLikeHtml(text)).isFalse();
        assertThat(HtmlToText.toText(text)).isSameAs(text);
    }

    @Test
    void collapsesSourceWhitespace() {
        assertThat(HtmlToText.toText("<p>  lots   of\n\n space </p>\n<p>\tnext</p>"))
                .isEqualTo("lots of space next");
    }

    @Test
    void onlyMarkupGivesEmptyText() {
        assertThat(HtmlToText.toText("<p></p><br><script>alert(1)</script>")).isEmpty();
    }

    @Test
    void malformedHtmlStillYieldsText() {
        assertThat(HtmlToText.toText("<p>unclosed <b>bold <div>block"))
                .isEqualTo("unclosed bold block");
    }

    @Test
    void decodedTextIsNotParsedAgain() {
        assertThat(HtmlToText.toText("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void detectsMarkupEvidence() {
        assertThat(HtmlToText.looksLikeHtml("text with a </B> closing tag")).isTrue();
        assertThat(HtmlToText.looksLikeHtml("<img src=x alt='y'>")).isTrue();
        assertThat(HtmlToText.looksLikeHtml("one &nbsp; entity")).isTrue();
        assertThat(HtmlToText.looksLikeHtml("<input disabled>")).isFalse();
        assertThat(HtmlToText.looksLikeHtml("<foo>unknown</foo>")).isFalse();
    }

    @Test
    void deeplyNestedHtmlFinishes() {
        String html = "<div>".repeat(50_000) + "deep" + "<b><i>".repeat(20_000) + "er";
        assertThat(HtmlToText.toText(html)).isEqualTo("deeper");
    }

    @Test
    void longUnclosedMarkupFinishes() {
        String text = "<a x=\"" + "<b ".repeat(300_000) + "&#".repeat(100_000);
        assertThat(HtmlToText.toText(text)).isNotNull();
    }
}

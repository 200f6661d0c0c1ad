package io.streamprep.operators.normalize;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Tag;

/**
 * Turns HTML into its visible text with jsoup, and leaves text that is not HTML exactly as it is.
 *
 * <p>A text counts as HTML only if it holds real markup: a tag with a known HTML name ({@code <p>},
 * {@code </div>}, {@code <a href="...">}), a comment, a doctype, or a character reference ({@code
 * &amp;}, {@code &#64;}, {@code &#x40;}). So {@code a < b and c > d}, {@code x<y}, {@code
 * List<String>}, {@code AT&T} and {@code <EMAIL>} stay as written. To keep code-like text intact,
 * an opening tag only counts if its attributes all have values and, for one-letter names, if it is
 * lower-case ({@code Box<B>} is a generic, not bold).
 *
 * <p>For HTML, the result is the body's text as a browser would lay it out on one line: block
 * boundaries and {@code <br>} become a space ({@code <p>a</p><p>b</p>} gives {@code a b}),
 * whitespace runs collapse to one space, {@code script}, {@code style}, {@code template} and the
 * {@code head} (including {@code title}) are dropped, and entities are decoded. Decoded text is
 * never parsed again ({@code &lt;p&gt;} gives {@code <p>}).
 *
 * <p>Stateless and thread-safe; jsoup never fails on malformed HTML, so neither does this.
 */
public final class HtmlToText {

    private static final String ATTRIBUTE =
            "\\s++[A-Za-z_:][-A-Za-z0-9_:.]*+\\s*+=\\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\\s\"'=<>`]++)";

    private static final Pattern MARKUP =
            Pattern.compile(
                    "<(/?)([A-Za-z][A-Za-z0-9]*+)((?:"
                            + ATTRIBUTE
                            + ")*+)\\s*+/?>"
                            + "|<!--|<!(?i:doctype)\\s"
                            + "|&(?:#[0-9]{1,7}+|#[xX][0-9A-Fa-f]{1,6}+|([A-Za-z][A-Za-z0-9]{0,31}+));");

    private HtmlToText() {}

    /** The visible text of {@code text} if it is HTML, else {@code text} itself. */
    public static String toText(String text) {
        return looksLikeHtml(text) ? Jsoup.parse(text).body().text() : text;
    }

    /** Whether {@code text} holds markup (see the class comment). */
    public static boolean looksLikeHtml(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return false;
        }
        Matcher m = MARKUP.matcher(text);
        while (m.find()) {
            if (isEvidence(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEvidence(Matcher m) {
        String tagName = m.group(2);
        if (tagName != null) {
            boolean closing = !m.group(1).isEmpty();
            if (closing && !m.group(3).isEmpty()) {
                return false;
            }
            boolean oneUpperLetter =
                    tagName.length() == 1 && Character.isUpperCase(tagName.charAt(0));
            return Tag.isKnownTag(tagName.toLowerCase(Locale.ROOT)) && (closing || !oneUpperLetter);
        }
        String entityName = m.group(4);
        return entityName == null || Entities.isNamedEntity(entityName);
    }
}

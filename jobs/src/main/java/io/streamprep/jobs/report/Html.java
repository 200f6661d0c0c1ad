package io.streamprep.jobs.report;

import java.util.Locale;

/** Escaping and number formatting for the report's HTML and SVG. */
final class Html {

    private Html() {}

    /** Escapes text for element content and quoted attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A count with thousands separators, e.g. {@code 27,609}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

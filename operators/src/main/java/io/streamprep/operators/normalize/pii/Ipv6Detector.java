package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv6 addresses (full, compressed, with embedded IPv4) that are valid ({@link IpLiterals#isIpv6}),
 * contain at least one decimal digit (so hex words such as {@code dead::beef}, C++ scopes and a
 * bare {@code ::} are left alone), and are not glued to a word. A single leading colon is treated
 * as punctuation ({@code addr:2001:db8::1}); times ({@code 12:30:45}) and MAC addresses do not
 * validate.
 */
final class Ipv6Detector implements PiiDetector {

    // A maximal run of hex digits, colons and dots that holds a colon; possessive and anchored at
    // the start of the run, so matching is linear.
    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![0-9A-Fa-f:.])[0-9A-Fa-f.]*+:[0-9A-Fa-f:.]*+");

    @Override
    public PiiType type() {
        return PiiType.IP;
    }

    @Override
    public List<Span> find(String text) {
        if (text.indexOf(':') < 0) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            Span span = trim(text, m.start(), m.end());
            if (span != null && isAddress(text.substring(span.start(), span.end()))) {
                spans.add(span);
            }
        }
        return spans;
    }

    private static Span trim(String text, int start, int end) {
        boolean leadingDouble = text.startsWith("::", start);
        if (text.charAt(start) == ':' && !leadingDouble) {
            start++;
        } else if (WordChars.wordCharBefore(text, start)) {
            return null;
        }
        int runEnd = end;
        while (end > start && text.charAt(end - 1) == '.') {
            end--;
        }
        if (end - start >= 2 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
            end--;
        }
        if (end == runEnd && WordChars.wordCharAt(text, end)) {
            return null;
        }
        return end > start ? new Span(start, end) : null;
    }

    private static boolean isAddress(String candidate) {
        return candidate.chars().anyMatch(c -> c >= '0' && c <= '9')
                && IpLiterals.isIpv6(candidate);
    }
}

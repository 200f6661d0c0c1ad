package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * IPv6 addresses (full, compressed, with embedded IPv4) that are valid ({@link IpLiterals#isIpv6}),
 * contain at least one decimal digit (so hex words such as {@code dead::beef}, C++ scopes and a
 * bare {@code ::} are left alone), and are not glued to a word. A single leading colon is treated
 * as punctuation ({@code addr:2001:db8::1}); times ({@code 12:30:45}), ratios and MAC addresses do
 * not validate. Zone ids, ports in brackets and prefix lengths stay outside the placeholder.
 */
final class Ipv6Detector implements PiiDetector {

    @Override
    public PiiType type() {
        return PiiType.IP;
    }

    // Each maximal run of hex digits, colons and dots around a ':' is checked once: linear.
    @Override
    public List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        SeparatorRuns.forEach(
                text,
                ':',
                Ipv6Detector::isRunChar,
                (start, end) -> {
                    Span span = trim(text, start, end);
                    if (span != null && isAddress(text.substring(span.start(), span.end()))) {
                        spans.add(span);
                    }
                });
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

    private static boolean isRunChar(char c) {
        return c == ':' || c == '.' || (c < 128 && Character.digit(c, 16) >= 0);
    }
}

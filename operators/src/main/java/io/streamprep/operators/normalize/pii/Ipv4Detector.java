package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Dotted-quad IPv4 addresses that are valid ({@link IpLiterals#isIpv4}) and stand alone: not glued
 * to a word ({@code v1.2.3.4}) and not part of a longer dotted number ({@code 1.2.3.4.5}, an OID or
 * a version). Trailing sentence dots are not part of the address; ports and prefix lengths stay
 * ({@code <IP>:8080}, {@code <IP>/24}).
 */
final class Ipv4Detector implements PiiDetector {

    @Override
    public PiiType type() {
        return PiiType.IP;
    }

    // Each maximal run of digits and dots around a '.' is checked once, so the scan is linear.
    @Override
    public List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        SeparatorRuns.forEach(
                text,
                '.',
                Ipv4Detector::isRunChar,
                (start, end) -> {
                    int addressEnd = end;
                    while (addressEnd > start && text.charAt(addressEnd - 1) == '.') {
                        addressEnd--;
                    }
                    if (!WordChars.wordCharBefore(text, start)
                            && !WordChars.wordCharAt(text, end)
                            && IpLiterals.isIpv4(text.substring(start, addressEnd))) {
                        spans.add(new Span(start, addressEnd));
                    }
                });
        return spans;
    }

    private static boolean isRunChar(char c) {
        return c == '.' || (c >= '0' && c <= '9');
    }
}

package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dotted-quad IPv4 addresses that are valid ({@link IpLiterals#isIpv4}) and stand alone: not glued
 * to a word ({@code v1.2.3.4}) and not part of a longer dotted number ({@code 1.2.3.4.5}, an OID or
 * a version). Ports and prefix lengths stay ({@code <IP>:8080}, {@code <IP>/24}).
 */
final class Ipv4Detector implements PiiDetector {

    private static final Pattern CANDIDATE =
            Pattern.compile(
                    "(?<![\\p{L}\\p{M}\\p{N}_.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}"
                            + "(?![\\p{L}\\p{M}\\p{N}_])(?!\\.[0-9])");

    @Override
    public PiiType type() {
        return PiiType.IP;
    }

    @Override
    public List<Span> find(String text) {
        if (text.indexOf('.') < 0) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (IpLiterals.isIpv4(m.group())) {
                spans.add(new Span(m.start(), m.end()));
            }
        }
        return spans;
    }
}

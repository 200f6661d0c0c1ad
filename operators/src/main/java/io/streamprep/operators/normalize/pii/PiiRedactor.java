package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces personal data in a text with upper-case placeholders ({@link PiiType#placeholder()}).
 *
 * <p>Detectors run one after another on the text the previous one left, in an order that keeps a
 * match of one type from being eaten by another: e-mail addresses (they may hold digits),
 * credit-card numbers (before phones, which could match part of one), IPv6 then IPv4 addresses
 * (IPv6 may embed an IPv4), and phone numbers last. Each detector favours precision: it redacts
 * only what validates (Luhn, octet ranges, IPv6 grammar, a dotted domain with an alphabetic
 * top-level label, phone shapes); see the detector classes for the exact rules.
 *
 * <p>Instances are immutable and thread-safe; redaction is deterministic and runs in time linear in
 * the text length. It never fails on any input string.
 */
public final class PiiRedactor {

    private final List<PiiDetector> detectors;

    /** A redactor for the given types; an empty set makes {@link #redact} a no-op. */
    public PiiRedactor(Set<PiiType> enabled) {
        Set<PiiType> types =
                enabled.isEmpty() ? EnumSet.noneOf(PiiType.class) : EnumSet.copyOf(enabled);
        List<PiiDetector> list = new ArrayList<>();
        if (types.contains(PiiType.EMAIL)) {
            list.add(new EmailDetector());
        }
        if (types.contains(PiiType.CREDIT_CARD)) {
            list.add(new CardNumberDetector());
        }
        if (types.contains(PiiType.IP)) {
            list.add(new Ipv6Detector());
            list.add(new Ipv4Detector());
        }
        if (types.contains(PiiType.PHONE)) {
            list.add(new PhoneNumberDetector());
        }
        this.detectors = List.copyOf(list);
    }

    /** A redactor for every type. */
    public static PiiRedactor all() {
        return new PiiRedactor(EnumSet.allOf(PiiType.class));
    }

    public Redaction redact(String text) {
        int[] counts = new int[PiiType.values().length];
        String current = text;
        for (PiiDetector detector : detectors) {
            List<Span> spans = detector.find(current);
            if (!spans.isEmpty()) {
                current = replace(current, spans, detector.type().placeholder());
                counts[detector.type().ordinal()] += spans.size();
            }
        }
        return new Redaction(current, counts);
    }

    private static String replace(String text, List<Span> spans, String placeholder) {
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        for (Span span : spans) {
            sb.append(text, last, span.start()).append(placeholder);
            last = span.end();
        }
        return sb.append(text, last, text.length()).toString();
    }
}

package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * E-mail addresses: a dot-atom local part (letters, digits and marks of any script plus {@code
 * ._%+-}), '@', and a domain of at least two labels whose top-level label is alphabetic (or
 * punycode). A word with '@' but no dotted domain ({@code @home}, {@code me@home}), a version pin
 * ({@code pkg@1.2.3}) and a retina asset name ({@code icon@2x.png}) are not addresses. Quoted local
 * parts and IP-literal domains are not recognised.
 */
final class EmailDetector implements PiiDetector {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;

    @Override
    public PiiType type() {
        return PiiType.EMAIL;
    }

    // Scans outwards from each '@' over the maximal runs of address characters: every character
    // is visited a bounded number of times, whatever the input.
    @Override
    public List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = text.indexOf('@', from)) >= 0) {
            int start = at;
            while (start > 0 && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && isDomainChar(text.charAt(end))) {
                end++;
            }
            from = end;
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            int domainEnd = end;
            while (domainEnd > at + 1 && isTrailingPunctuation(text.charAt(domainEnd - 1))) {
                domainEnd--;
            }
            if (validLocal(text.substring(start, at))
                    && validDomain(text.substring(at + 1, domainEnd))) {
                spans.add(new Span(start, domainEnd));
            }
        }
        return spans;
    }

    private static boolean isLocalChar(char c) {
        return isDomainChar(c) || c == '_' || c == '%' || c == '+';
    }

    private static boolean isDomainChar(char c) {
        return c == '.'
                || c == '-'
                || Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == '.' || c == '-';
    }

    private static boolean validLocal(String local) {
        return !local.isEmpty()
                && local.length() <= MAX_LOCAL
                && !local.endsWith(".")
                && !local.contains("..");
    }

    private static boolean validDomain(String domain) {
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty()
                    || label.length() > MAX_LABEL
                    || label.startsWith("-")
                    || label.endsWith("-")) {
                return false;
            }
        }
        return validTopLevel(labels[labels.length - 1])
                && !(labels.length == 2 && isScaleSuffix(labels[0]));
    }

    private static boolean validTopLevel(String tld) {
        if (tld.startsWith("xn--")) {
            return tld.length() > 4;
        }
        return tld.length() >= 2 && tld.codePoints().allMatch(Character::isLetter);
    }

    /** {@code 2x} in {@code icon@2x.png}: an image-density suffix, not a domain. */
    private static boolean isScaleSuffix(String label) {
        int last = label.length() - 1;
        if (last < 1 || label.charAt(last) != 'x') {
            return false;
        }
        for (int i = 0; i < last; i++) {
            if (label.charAt(i) < '0' || label.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

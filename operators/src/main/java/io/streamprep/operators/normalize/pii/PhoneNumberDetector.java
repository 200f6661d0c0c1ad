package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone numbers in the written shapes that are unlikely to be anything else:
 *
 * <ul>
 *   <li>international: {@code +} or {@code 00}, a 1-4 digit country code, any grouping, 7-15 digits
 *       in all ({@code +44 (0)20 7946 0958}, {@code +15551234567});
 *   <li>an area code in parentheses, optionally after a leading 1, then at least 6 digits ({@code
 *       (555) 123-4567}, {@code (020) 7946 0958});
 *   <li>North American 3-3-4, optionally after a leading 1, with one kind of separator ({@code
 *       555-123-4567}, {@code 1 800 555 0199});
 *   <li>a national number with a trunk 0 ({@code 0}+1-4 digits), groups of 2+ digits with one kind
 *       of separator, 9-12 digits in all ({@code 020 7946 0958}, {@code 06 12 34 56 78}).
 * </ul>
 *
 * <p>Bare digit runs, bare 7-digit local numbers ({@code 555-1234}, indistinguishable from ranges
 * such as {@code 250-1000}), dates, times, prices, thousands groupings ({@code 1 234 567}, {@code
 * +1 000 000}), ISBNs and digit runs joined to other numbers by a dash or dot are left alone.
 */
final class PhoneNumberDetector implements PiiDetector {

    private static final String GROUP = "(?:\\([0-9]++\\)|[0-9]++)";
    private static final String SEPARATOR = "(?:[ .\\-]|(?<=\\))[ ]?|[ ]?(?=\\())";
    // A maximal, possessively matched run of groups, so matching is linear; shapes are checked
    // in code.
    private static final Pattern CANDIDATE =
            Pattern.compile(
                    "(?<![\\p{L}\\p{M}\\p{N}_+])(?<![0-9][.,:/])\\+?"
                            + GROUP
                            + "(?:"
                            + SEPARATOR
                            + GROUP
                            + ")*+"
                            + "(?![\\p{L}\\p{M}\\p{N}_]|[,:/][0-9])");

    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;
    private static final int MAX_GROUPS = 8;

    @Override
    public PiiType type() {
        return PiiType.PHONE;
    }

    @Override
    public List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        CandidateScanner.scan(
                CANDIDATE,
                text,
                c -> (c >= '0' && c <= '9') || c == '+' || c == '(',
                m -> {
                    if (m.end() - m.start() >= MIN_DIGITS) {
                        boolean plus = text.charAt(m.start()) == '+';
                        findIn(new DigitGroups(text, m.start(), m.end()), plus, m.start(), spans);
                    }
                });
        return spans;
    }

    private static void findIn(DigitGroups groups, boolean plus, int plusAt, List<Span> spans) {
        int i = 0;
        while (i < groups.size()) {
            int found = -1;
            if (groups.standsAloneFrom(i)) {
                for (int j = Math.min(groups.size(), i + MAX_GROUPS) - 1; j >= i; j--) {
                    if (groups.standsAloneTo(j) && isPhone(groups, i, j, plus && i == 0)) {
                        found = j;
                        break;
                    }
                }
            }
            if (found >= 0) {
                int start = plus && i == 0 ? plusAt : groups.start(i);
                spans.add(new Span(start, groups.end(found)));
                i = found + 1;
            } else {
                i++;
            }
        }
    }

    private static boolean isPhone(DigitGroups g, int from, int to, boolean plus) {
        int digits = g.digitCount(from, to);
        // Room for a "00" prefix and a "(0)" that do not count towards the limit.
        if (digits < MIN_DIGITS || digits > MAX_DIGITS + 3) {
            return false;
        }
        if (plus) {
            return international(g, from, to, 0);
        }
        String first = g.digits(from);
        if (!g.parenthesized(from) && first.length() >= 3 && first.startsWith("00")) {
            return first.charAt(2) != '0' && international(g, from, to, 2);
        }
        for (int k = from; k <= to; k++) {
            if (g.parenthesized(k)) {
                return areaCodeInParentheses(g, from, to);
            }
        }
        return northAmerican(g, from, to) || withTrunkPrefix(g, from, to);
    }

    /** {@code skip}: the digits of an international prefix ({@code 00}) in the first group. */
    private static boolean international(DigitGroups g, int from, int to, int skip) {
        int digits = g.digitCount(from, to) - skip;
        for (int k = from + 1; k <= to; k++) {
            if (g.parenthesized(k)) {
                if (k != from + 1) {
                    return false;
                }
                if (g.digits(k).equals("0")) {
                    digits--;
                }
            }
        }
        int countryCode = g.length(from) - skip;
        boolean separated = to > from;
        return digits >= MIN_DIGITS
                && digits <= MAX_DIGITS
                && countryCode >= 1
                && (!separated || countryCode <= 4)
                && !g.parenthesized(from)
                && !(separated && looksLikeThousands(g, from, to));
    }

    /** {@code +1 000 000}: groups of three after the first, all with the same separator. */
    private static boolean looksLikeThousands(DigitGroups g, int from, int to) {
        for (int k = from + 1; k <= to; k++) {
            if (g.parenthesized(k) || g.length(k) != 3) {
                return false;
            }
        }
        return g.sameSeparators(from, to);
    }

    private static boolean areaCodeInParentheses(DigitGroups g, int from, int to) {
        int area = from;
        if (!g.parenthesized(area)) {
            if (!g.digits(area).equals("1") || area + 1 > to || !g.parenthesized(area + 1)) {
                return false;
            }
            area++;
        }
        if (g.length(area) < 2 || g.length(area) > 5 || area == to) {
            return false;
        }
        for (int k = area + 1; k <= to; k++) {
            if (g.parenthesized(k) || g.length(k) < 2) {
                return false;
            }
        }
        int rest = g.digitCount(area + 1, to);
        return rest >= 6 && rest <= 10;
    }

    private static boolean northAmerican(DigitGroups g, int from, int to) {
        int count = to - from + 1;
        int base = from;
        if (count == 4) {
            if (!g.digits(from).equals("1") || g.separatorBefore(from + 1).isEmpty()) {
                return false;
            }
            base++;
        } else if (count != 3) {
            return false;
        }
        return g.length(base) == 3
                && g.length(base + 1) == 3
                && g.length(base + 2) == 4
                && g.sameSeparators(base, to);
    }

    private static boolean withTrunkPrefix(DigitGroups g, int from, int to) {
        String first = g.digits(from);
        if (to == from
                || first.length() < 2
                || first.length() > 5
                || first.charAt(0) != '0'
                || first.charAt(1) == '0'
                || !g.sameSeparators(from, to)) {
            return false;
        }
        for (int k = from; k <= to; k++) {
            if (g.length(k) < 2) {
                return false;
            }
        }
        int digits = g.digitCount(from, to);
        return digits >= 9 && digits <= 12;
    }
}

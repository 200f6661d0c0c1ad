package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Payment-card numbers: 13-19 digits, written either without separators or in the printed layouts
 * (4-4-4-4 with a shorter last group, 4-6-5, 4-6-4) with one kind of single separator (space or
 * dash), starting with a major-network digit (2-6: Mastercard, Amex, Diners, JCB, Visa, Discover,
 * UnionPay, Maestro) and passing the Luhn check. Inside a longer sequence of space-separated digit
 * groups the card is found on its own ({@code item 4 4111 1111 1111 1111}).
 *
 * <p>Numbers starting with 0, 1, 7, 8 or 9 (ISBN-13, EAN barcodes, UATP cards, RuPay's 8-series)
 * are not redacted.
 */
final class CardNumberDetector implements PiiDetector {

    private static final Pattern CANDIDATE =
            Pattern.compile(
                    "(?<![\\p{L}\\p{M}\\p{N}_])(?<![0-9][\\-.,])[0-9]++(?:[ \\-][0-9]++)*+"
                            + "(?![\\p{L}\\p{M}_]|[.,][0-9])");

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    private static final int MAX_GROUPS = 5;

    @Override
    public PiiType type() {
        return PiiType.CREDIT_CARD;
    }

    @Override
    public List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        CandidateScanner.scan(
                CANDIDATE,
                text,
                c -> c >= '0' && c <= '9',
                m -> {
                    if (m.end() - m.start() >= MIN_DIGITS) {
                        findIn(new DigitGroups(text, m.start(), m.end()), spans);
                    }
                });
        return spans;
    }

    private static void findIn(DigitGroups groups, List<Span> spans) {
        int i = 0;
        while (i < groups.size()) {
            int found = -1;
            if (groups.standsAloneFrom(i)) {
                for (int j = Math.min(groups.size(), i + MAX_GROUPS) - 1; j >= i; j--) {
                    if (groups.standsAloneTo(j) && isCard(groups, i, j)) {
                        found = j;
                        break;
                    }
                }
            }
            if (found >= 0) {
                spans.add(new Span(groups.start(i), groups.end(found)));
                i = found + 1;
            } else {
                i++;
            }
        }
    }

    private static boolean isCard(DigitGroups groups, int from, int to) {
        int digits = groups.digitCount(from, to);
        if (digits < MIN_DIGITS || digits > MAX_DIGITS || !groups.sameSeparators(from, to)) {
            return false;
        }
        String number = groups.digits(from, to);
        return number.charAt(0) >= '2'
                && number.charAt(0) <= '6'
                && printedLayout(groups, from, to)
                && luhn(number);
    }

    private static boolean printedLayout(DigitGroups groups, int from, int to) {
        int count = to - from + 1;
        if (count == 1) {
            return true;
        }
        if (count == 3 && groups.length(from) == 4 && groups.length(from + 1) == 6) {
            int last = groups.length(to);
            return last == 4 || last == 5;
        }
        for (int k = from; k < to; k++) {
            if (groups.length(k) != 4) {
                return false;
            }
        }
        return groups.length(to) <= 4;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}

package io.streamprep.operators.normalize.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of digit groups, each optionally in parentheses, separated by at most one character (space,
 * dash, dot), as a card or phone candidate: lets a detector test any consecutive sub-run of groups
 * on its own. A sub-run stands alone only where a space separates it from the neighbouring groups;
 * a dash, a dot or nothing joins it to them ({@code 12-555-123-4567} holds no phone number).
 */
final class DigitGroups {

    private final String text;
    // Per group: {outer start (at '(' if any), digits start, digits end, outer end (after ')')}.
    private final List<int[]> groups = new ArrayList<>();

    /** Splits {@code text[start, end)}: every maximal digit run is a group. */
    DigitGroups(String text, int start, int end) {
        this.text = text;
        int i = start;
        while (i < end) {
            if (isDigit(text.charAt(i))) {
                int digitsStart = i;
                while (i < end && isDigit(text.charAt(i))) {
                    i++;
                }
                boolean parenthesized =
                        digitsStart > start
                                && text.charAt(digitsStart - 1) == '('
                                && i < end
                                && text.charAt(i) == ')';
                groups.add(
                        parenthesized
                                ? new int[] {digitsStart - 1, digitsStart, i, i + 1}
                                : new int[] {digitsStart, digitsStart, i, i});
            } else {
                i++;
            }
        }
    }

    int size() {
        return groups.size();
    }

    /** Where group {@code k} starts, including its opening parenthesis. */
    int start(int k) {
        return groups.get(k)[0];
    }

    /** Where group {@code k} ends, including its closing parenthesis. */
    int end(int k) {
        return groups.get(k)[3];
    }

    /** The number of digits in group {@code k}. */
    int length(int k) {
        return groups.get(k)[2] - groups.get(k)[1];
    }

    boolean parenthesized(int k) {
        return groups.get(k)[0] < groups.get(k)[1];
    }

    /** The digits of group {@code k}. */
    String digits(int k) {
        return text.substring(groups.get(k)[1], groups.get(k)[2]);
    }

    /** The digits of groups {@code from..to}, without separators or parentheses. */
    String digits(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k <= to; k++) {
            sb.append(text, groups.get(k)[1], groups.get(k)[2]);
        }
        return sb.toString();
    }

    int digitCount(int from, int to) {
        int n = 0;
        for (int k = from; k <= to; k++) {
            n += length(k);
        }
        return n;
    }

    /** The text between group {@code k - 1} and group {@code k}, parentheses excluded. */
    String separatorBefore(int k) {
        return text.substring(end(k - 1), start(k));
    }

    /** Whether every separator between groups {@code from..to} is the same non-empty text. */
    boolean sameSeparators(int from, int to) {
        if (to == from) {
            return true;
        }
        int firstStart = end(from);
        int firstLength = start(from + 1) - firstStart;
        if (firstLength == 0) {
            return false;
        }
        for (int k = from + 2; k <= to; k++) {
            int sepStart = end(k - 1);
            if (start(k) - sepStart != firstLength
                    || !text.regionMatches(sepStart, text, firstStart, firstLength)) {
                return false;
            }
        }
        return true;
    }

    boolean standsAloneFrom(int k) {
        return k == 0 || isSingleSpace(end(k - 1), start(k));
    }

    boolean standsAloneTo(int k) {
        return k == size() - 1 || isSingleSpace(end(k), start(k + 1));
    }

    private boolean isSingleSpace(int from, int to) {
        return to - from == 1 && text.charAt(from) == ' ';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

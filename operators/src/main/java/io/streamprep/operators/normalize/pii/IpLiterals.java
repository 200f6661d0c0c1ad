package io.streamprep.operators.normalize.pii;

/**
 * Strict validation of textual IP addresses, as {@code inet_pton} reads them: IPv4 is exactly four
 * decimal octets 0-255 without leading zeros; IPv6 is eight groups of 1-4 hex digits, at most one
 * {@code ::} standing for one or more zero groups, and an optional trailing embedded IPv4 that
 * counts as two groups. Zone ids ({@code %eth0}) and prefix lengths are not part of an address.
 */
final class IpLiterals {

    private static final int IPV4_PARTS = 4;
    private static final int IPV6_GROUPS = 8;
    private static final int MAX_HEX_DIGITS = 4;
    private static final int MAX_IPV4_LENGTH = 15;
    private static final int MAX_IPV6_LENGTH = 45;

    private IpLiterals() {}

    static boolean isIpv4(String s) {
        if (s.length() > MAX_IPV4_LENGTH) {
            return false;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != IPV4_PARTS) {
            return false;
        }
        for (String part : parts) {
            if (!isOctet(part)) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        if (s.length() > MAX_IPV6_LENGTH) {
            return false;
        }
        String hex = s;
        int groups = IPV6_GROUPS;
        if (s.indexOf('.') >= 0) {
            int lastColon = s.lastIndexOf(':');
            if (lastColon < 0 || !isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            boolean afterDoubleColon = lastColon > 0 && s.charAt(lastColon - 1) == ':';
            hex = s.substring(0, afterDoubleColon ? lastColon + 1 : lastColon);
            groups -= 2;
        }
        int gap = hex.indexOf("::");
        if (gap < 0) {
            return countGroups(hex) == groups;
        }
        if (hex.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int left = countGroups(hex.substring(0, gap));
        int right = countGroups(hex.substring(gap + 2));
        return left >= 0 && right >= 0 && left + right < groups;
    }

    /** The number of valid colon-separated hex groups, 0 for "", or -1 if any group is invalid. */
    private static int countGroups(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        String[] parts = s.split(":", -1);
        for (String part : parts) {
            if (!isHexGroup(part)) {
                return -1;
            }
        }
        return parts.length;
    }

    private static boolean isHexGroup(String part) {
        if (part.isEmpty() || part.length() > MAX_HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (Character.digit(part.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return false;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255;
    }
}

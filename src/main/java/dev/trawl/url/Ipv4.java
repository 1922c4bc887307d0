package dev.trawl.url;

/**
 * The WHATWG IPv4 host rules: a host whose last label is a number must be an IPv4 address in one of the forms
 * browsers accept (decimal, 0x hex, 0-prefixed octal, and 1 to 4 parts), written back in dotted decimal. So
 * "http://0x7f.1/" and "http://127.0.0.1/" are one URL, and "http://1.2.3.999/" is no URL.
 */
final class Ipv4 {
    private static final long TOO_BIG = 1L << 40;

    private Ipv4() {}

    /** True when {@code host}'s last label (ignoring one trailing dot) is a number, so it must be an address. */
    static boolean endsInNumber(String host) {
        int end = host.length();
        if (end > 1 && host.charAt(end - 1) == '.') {
            end--;
        }
        int start = host.lastIndexOf('.', end - 1) + 1;
        if (start == end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = host.charAt(i);
            if (c < '0' || c > '9') {
                return parseNumber(host, start, end) >= 0;
            }
        }
        return true;
    }

    /** Dotted-decimal form of {@code host}, or null when it is not a valid IPv4 address. */
    static String canonical(String host) {
        if (isDottedDecimal(host)) {
            return host; // the common case, already canonical: no parsing into numbers and back
        }
        int end = host.length();
        if (end > 1 && host.charAt(end - 1) == '.') {
            end--; // "1.2.3.4." is allowed, like a fully qualified name
        }
        long[] parts = new long[4];
        int count = 0;
        for (int start = 0; start <= end; count++) {
            int dot = host.indexOf('.', start);
            dot = dot < 0 || dot > end ? end : dot;
            if (count == 4) {
                return null;
            }
            parts[count] = parseNumber(host, start, dot);
            if (parts[count] < 0) {
                return null;
            }
            start = dot + 1;
        }
        return combine(parts, count);
    }

    /** Four decimal parts of 0 to 255 without leading zeros, nothing else. */
    private static boolean isDottedDecimal(String host) {
        int parts = 0;
        int value = -1;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (value < 0 || ++parts == 4) {
                    return false;
                }
                value = -1;
            } else if (c < '0' || c > '9' || value == 0) {
                return false;
            } else {
                value = (value < 0 ? 0 : value * 10) + c - '0';
                if (value > 255) {
                    return false;
                }
            }
        }
        return parts == 3 && value >= 0;
    }

    private static String combine(long[] parts, int count) {
        for (int i = 0; i < count - 1; i++) {
            if (parts[i] > 255) {
                return null;
            }
        }
        long last = parts[count - 1];
        if (last >= 1L << (8 * (5 - count))) {
            return null;
        }
        long address = last;
        for (int i = 0; i < count - 1; i++) {
            address += parts[i] << (8 * (3 - i));
        }
        return (address >> 24) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }

    /** One IPv4 part: decimal, 0x hex or 0-prefixed octal; -1 when invalid. Large values saturate. */
    private static long parseNumber(String s, int from, int to) {
        if (from == to) {
            return -1;
        }
        int radix = 10;
        if (to - from >= 2 && s.charAt(from) == '0' && (s.charAt(from + 1) | 0x20) == 'x') {
            radix = 16;
            from += 2;
        } else if (to - from >= 2 && s.charAt(from) == '0') {
            radix = 8;
            from += 1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = PercentEncoding.hexValue(s.charAt(i));
            if (digit < 0 || digit >= radix) {
                return -1;
            }
            value = Math.min(value * radix + digit, TOO_BIG);
        }
        return value;
    }
}

package dev.trawl.url;

/**
 * IPv6 literals ("[...]" hosts): parsed with the WHATWG algorithm and written back in RFC 5952 form (lower-case
 * hex, no leading zeros, the first longest run of zero groups as "::"), so spellings of one address dedup. An
 * IPv4-mapped address keeps its dotted tail ("::ffff:127.0.0.1"), as RFC 5952 section 5 recommends.
 */
final class Ipv6 {
    private Ipv6() {}

    /** "[canonical]" for the address in s[from, to) (without brackets), or null when it is not valid. */
    static String canonical(String s, int from, int to) {
        int[] pieces = parse(s, from, to);
        return pieces == null ? null : "[" + serialize(pieces) + "]";
    }

    private static int[] parse(String s, int from, int to) {
        int[] address = new int[8];
        int piece = 0;
        int compress = -1;
        int p = from;
        if (p < to && s.charAt(p) == ':') {
            if (p + 1 >= to || s.charAt(p + 1) != ':') {
                return null;
            }
            p += 2;
            compress = ++piece;
        }
        while (p < to) {
            if (piece == 8) {
                return null;
            }
            if (s.charAt(p) == ':') {
                if (compress >= 0) {
                    return null;
                }
                p++;
                compress = ++piece;
                continue;
            }
            int value = 0;
            int length = 0;
            while (length < 4 && p < to && PercentEncoding.hexValue(s.charAt(p)) >= 0) {
                value = value << 4 | PercentEncoding.hexValue(s.charAt(p));
                p++;
                length++;
            }
            if (p < to && s.charAt(p) == '.') {
                if (length == 0 || piece > 6 || !parseIpv4Tail(s, p - length, to, address, piece)) {
                    return null;
                }
                piece += 2;
                break;
            }
            if (p < to && s.charAt(p) == ':') {
                if (++p >= to) {
                    return null;
                }
            } else if (p < to) {
                return null;
            }
            address[piece++] = value;
        }
        return expand(address, piece, compress);
    }

    /** The dotted-quad tail "a.b.c.d" at s[p, to) into pieces {@code piece} and {@code piece + 1}. */
    private static boolean parseIpv4Tail(String s, int p, int to, int[] address, int piece) {
        int numbers = 0;
        while (p < to) {
            if (numbers > 0) {
                if (s.charAt(p) != '.' || numbers == 4) {
                    return false;
                }
                p++;
            }
            if (p >= to || s.charAt(p) < '0' || s.charAt(p) > '9') {
                return false;
            }
            int value = -1;
            for (; p < to && s.charAt(p) >= '0' && s.charAt(p) <= '9'; p++) {
                if (value == 0) {
                    return false; // no leading zeros: "01" could be read as octal
                }
                value = (value < 0 ? 0 : value * 10) + s.charAt(p) - '0';
                if (value > 255) {
                    return false;
                }
            }
            address[piece + numbers / 2] = address[piece + numbers / 2] << 8 | value;
            numbers++;
        }
        return numbers == 4;
    }

    /** Moves the groups after "::" to the end; null when there are too few groups and no "::". */
    private static int[] expand(int[] address, int piece, int compress) {
        if (compress < 0) {
            return piece == 8 ? address : null;
        }
        int swaps = piece - compress;
        for (int i = 7; i != 0 && swaps > 0; i--, swaps--) {
            int j = compress + swaps - 1;
            int t = address[i];
            address[i] = address[j];
            address[j] = t;
        }
        return address;
    }

    private static String serialize(int[] a) {
        if (a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0 && a[4] == 0 && a[5] == 0xffff) {
            return "::ffff:" + (a[6] >> 8) + "." + (a[6] & 255) + "." + (a[7] >> 8) + "." + (a[7] & 255);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && a[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(a[i]));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}

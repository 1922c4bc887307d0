package dev.trawl.url;

/**
 * Writes path and query text in canonical percent-encoding: %XX of unreserved characters is decoded, other %XX
 * escapes get upper-case hex, a '%' that starts no valid escape becomes %25, and characters outside the allowed set
 * (controls, space, non-ASCII, ...) are encoded as UTF-8 bytes.
 */
final class PercentEncoding {
    /** ALPHA DIGIT - . _ ~ (RFC 3986 section 2.3); the only characters whose escapes are decoded. */
    private static final long UNRESERVED_LO = mask("-.0123456789", 0);
    private static final long UNRESERVED_HI = mask("ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~", 64);

    /** Path: unreserved, sub-delims, ':' and '@' stay literal; '[' ']' '{' '}' '|' '^' '`' get encoded. */
    static final long PATH_LO = UNRESERVED_LO | mask("!$&'()*+,;=:", 0);
    static final long PATH_HI = UNRESERVED_HI | mask("@", 64);

    /** Query: as path plus '/' and '?', but "'" is encoded, as browsers do for http(s) queries. */
    static final long QUERY_LO = (PATH_LO | mask("/?", 0)) & ~mask("'", 0);
    static final long QUERY_HI = PATH_HI;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    private static long mask(String chars, int offset) {
        long m = 0;
        for (int i = 0; i < chars.length(); i++) {
            m |= 1L << (chars.charAt(i) - offset);
        }
        return m;
    }

    static boolean isAllowed(int c, long lo, long hi) {
        return c < 64 ? (lo & (1L << c)) != 0 : c < 128 && (hi & (1L << (c - 64))) != 0;
    }

    static boolean isUnreserved(int c) {
        return isAllowed(c, UNRESERVED_LO, UNRESERVED_HI);
    }

    /** Value of an ASCII hex digit, or -1. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** The byte value of a %XX escape at {@code i}, or -1 when there is none (before {@code end}). */
    static int escapeAt(String s, int i, int end) {
        if (i + 2 >= end) {
            return -1;
        }
        int hi = hexValue(s.charAt(i + 1));
        int lo = hexValue(s.charAt(i + 2));
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    /** Appends s[from, to) in canonical form; characters not in (lo, hi) are percent-encoded. */
    static void append(StringBuilder out, String s, int from, int to, long lo, long hi) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                i = appendEscape(out, s, i, to);
            } else if (isAllowed(c, lo, hi)) {
                out.append(c);
            } else if (c < 0x80) {
                appendByte(out, c);
            } else {
                i = appendUtf8(out, s, i, to);
            }
        }
    }

    /** Handles the '%' at i; returns the index of the last character consumed. */
    private static int appendEscape(StringBuilder out, String s, int i, int to) {
        int b = escapeAt(s, i, to);
        if (b < 0) {
            out.append("%25"); // a stray '%' means itself: RFC 3986 has no other reading of it
            return i;
        }
        if (isUnreserved(b)) {
            out.append((char) b);
        } else {
            appendByte(out, b);
        }
        return i + 2;
    }

    static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 15]);
    }

    /** Encodes the non-ASCII char at i (a surrogate pair counts as one); lone surrogates become U+FFFD. */
    private static int appendUtf8(StringBuilder out, String s, int i, int to) {
        char c = s.charAt(i);
        int cp = c;
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
            cp = Character.toCodePoint(c, s.charAt(++i));
        } else if (Character.isSurrogate(c)) {
            cp = 0xFFFD;
        }
        if (cp < 0x800) {
            appendByte(out, 0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            appendByte(out, 0xE0 | cp >> 12);
            appendByte(out, 0x80 | (cp >> 6 & 0x3F));
        } else {
            appendByte(out, 0xF0 | cp >> 18);
            appendByte(out, 0x80 | (cp >> 12 & 0x3F));
            appendByte(out, 0x80 | (cp >> 6 & 0x3F));
        }
        appendByte(out, 0x80 | (cp & 0x3F));
        return i;
    }
}
